CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`site_id` text,
	`you_said` text NOT NULL,
	`we_did` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_org_site` ON `actions` (`organisation_id`,`site_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`response_id` text NOT NULL,
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
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_org_submitted` ON `comments` (`organisation_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `comments_site_submitted` ON `comments` (`site_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `comments_response` ON `comments` (`response_id`);--> statement-breakpoint
CREATE TABLE `safeguarding_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`response_id` text NOT NULL,
	`site_id` text NOT NULL,
	`categories` text NOT NULL,
	`urgency` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`notified_at` integer,
	`reviewed_by` text,
	`reviewed_at` integer,
	`action_taken` text,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safeguarding_flags_org_status` ON `safeguarding_flags` (`organisation_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `theme_corrections` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`comment_id` text NOT NULL,
	`themes` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action
);
