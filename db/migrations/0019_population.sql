CREATE TABLE `population_figures` (
	`organisation_id` text NOT NULL,
	`dimension` text NOT NULL,
	`locality` text DEFAULT '' NOT NULL,
	`group_key` text NOT NULL,
	`count` integer NOT NULL,
	`source` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `dimension`, `locality`, `group_key`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
