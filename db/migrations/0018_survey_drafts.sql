ALTER TABLE `surveys` ADD `draft_definition` text;--> statement-breakpoint
ALTER TABLE `surveys` ADD `draft_revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `surveys` ADD `draft_saved_at` integer;--> statement-breakpoint
ALTER TABLE `surveys` ADD `draft_saved_by` text;