CREATE TABLE `theme_models` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`version` integer NOT NULL,
	`source` text NOT NULL,
	`model` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `theme_models_org_version` ON `theme_models` (`organisation_id`,`version`);