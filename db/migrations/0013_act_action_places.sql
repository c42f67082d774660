CREATE TABLE `action_places` (
	`action_id` text NOT NULL,
	`site_id` text NOT NULL,
	`service_point_id` text,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_point_id`) REFERENCES `service_points`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_places_site` ON `action_places` (`site_id`,`action_id`);--> statement-breakpoint
CREATE INDEX `action_places_action` ON `action_places` (`action_id`);--> statement-breakpoint
ALTER TABLE `actions` ADD `themes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `actions` ADD `changed_on` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `updated_at` integer;