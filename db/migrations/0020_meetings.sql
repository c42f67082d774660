-- comments.response_id and safeguarding_flags.response_id become nullable (a meeting's notes have no
-- response), and both gain meeting_id. SQLite changes a column by rebuilding its table; the tables that
-- point at them (theme_corrections, safeguarding_reviews) are set aside and rebuilt after, so the whole
-- change runs in one transaction with foreign keys enforced throughout (a libSQL server takes no
-- PRAGMA foreign_keys, and SQLite ignores it inside a transaction).
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`site_id` text NOT NULL,
	`area` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`held_on` text NOT NULL,
	`participants` integer NOT NULL,
	`demographics` text,
	`language` text NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
CREATE INDEX `meetings_site_held` ON `meetings` (`site_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `__new_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`response_id` text,
	`meeting_id` text,
	`organisation_id` text NOT NULL,
	`site_id` text NOT NULL,
	`question_id` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`language` text NOT NULL,
	`text` text,
	`redacted` text NOT NULL,
	`sentiment` integer NOT NULL,
	`themes` text NOT NULL,
	`model_version` text NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
INSERT INTO `__new_comments`("id", "response_id", "meeting_id", "organisation_id", "site_id", "question_id", "submitted_at", "language", "text", "redacted", "sentiment", "themes", "model_version") SELECT "id", "response_id", NULL, "organisation_id", "site_id", "question_id", "submitted_at", "language", "text", "redacted", "sentiment", "themes", "model_version" FROM `comments`;--> statement-breakpoint
CREATE TABLE `__keep_theme_corrections` AS SELECT * FROM `theme_corrections`;--> statement-breakpoint
DROP TABLE `theme_corrections`;--> statement-breakpoint
DROP TABLE `comments`;--> statement-breakpoint
ALTER TABLE `__new_comments` RENAME TO `comments`;--> statement-breakpoint
CREATE INDEX `comments_site_submitted` ON `comments` (`site_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `comments_response` ON `comments` (`response_id`);--> statement-breakpoint
CREATE INDEX `comments_meeting` ON `comments` (`site_id`,`submitted_at`) WHERE meeting_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `theme_corrections` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`comment_id` text NOT NULL,
	`themes` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
INSERT INTO `theme_corrections` SELECT * FROM `__keep_theme_corrections`;--> statement-breakpoint
DROP TABLE `__keep_theme_corrections`;--> statement-breakpoint
CREATE TABLE `__new_safeguarding_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`response_id` text,
	`meeting_id` text,
	`site_id` text NOT NULL,
	`categories` text NOT NULL,
	`urgency` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`notified_at` integer,
	`reviewed_by` text,
	`reviewed_at` integer,
	`action_taken` text,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
INSERT INTO `__new_safeguarding_flags`("id", "organisation_id", "response_id", "meeting_id", "site_id", "categories", "urgency", "status", "created_at", "notified_at", "reviewed_by", "reviewed_at", "action_taken") SELECT "id", "organisation_id", "response_id", NULL, "site_id", "categories", "urgency", "status", "created_at", "notified_at", "reviewed_by", "reviewed_at", "action_taken" FROM `safeguarding_flags`;--> statement-breakpoint
CREATE TABLE `__keep_safeguarding_reviews` AS SELECT * FROM `safeguarding_reviews`;--> statement-breakpoint
DROP TABLE `safeguarding_reviews`;--> statement-breakpoint
DROP TABLE `safeguarding_flags`;--> statement-breakpoint
ALTER TABLE `__new_safeguarding_flags` RENAME TO `safeguarding_flags`;--> statement-breakpoint
CREATE INDEX `safeguarding_flags_org_status` ON `safeguarding_flags` (`organisation_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `safeguarding_flags_response` ON `safeguarding_flags` (`response_id`,`status`);--> statement-breakpoint
CREATE INDEX `safeguarding_flags_meeting` ON `safeguarding_flags` (`meeting_id`,`status`);--> statement-breakpoint
CREATE TABLE `safeguarding_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`flag_id` text NOT NULL,
	`status` text NOT NULL,
	`action_taken` text NOT NULL,
	`reviewed_by` text,
	`reviewed_at` integer NOT NULL,
	FOREIGN KEY (`flag_id`) REFERENCES `safeguarding_flags`(`id`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
CREATE INDEX `safeguarding_reviews_flag` ON `safeguarding_reviews` (`flag_id`,`reviewed_at`);--> statement-breakpoint
INSERT INTO `safeguarding_reviews` SELECT * FROM `__keep_safeguarding_reviews`;--> statement-breakpoint
DROP TABLE `__keep_safeguarding_reviews`;
