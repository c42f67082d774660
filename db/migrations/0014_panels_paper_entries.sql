CREATE TABLE `paper_entries` (
	`response_id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`paper_date` text NOT NULL,
	`keyed_by` text NOT NULL,
	`keyed_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `paper_entries_site` ON `paper_entries` (`site_id`,`keyed_at`);