CREATE TABLE `safeguarding_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`flag_id` text NOT NULL,
	`status` text NOT NULL,
	`action_taken` text NOT NULL,
	`reviewed_by` text,
	`reviewed_at` integer NOT NULL,
	FOREIGN KEY (`flag_id`) REFERENCES `safeguarding_flags`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safeguarding_reviews_flag` ON `safeguarding_reviews` (`flag_id`,`reviewed_at`);--> statement-breakpoint
CREATE INDEX `safeguarding_flags_response` ON `safeguarding_flags` (`response_id`,`status`);--> statement-breakpoint
-- Flags reviewed before this table kept only their latest review on the flag: it becomes the first of their history.
INSERT INTO `safeguarding_reviews` (`id`, `flag_id`, `status`, `action_taken`, `reviewed_by`, `reviewed_at`)
SELECT 'sr_' || `id`, `id`, `status`, coalesce(`action_taken`, ''), `reviewed_by`, `reviewed_at`
FROM `safeguarding_flags` WHERE `reviewed_at` IS NOT NULL;
