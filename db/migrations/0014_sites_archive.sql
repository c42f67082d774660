ALTER TABLE `providers` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `service_points` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `sites` ADD `archived_at` integer;