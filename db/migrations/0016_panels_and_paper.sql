CREATE TABLE `panel_children` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`month` text NOT NULL,
	`expected` integer NOT NULL,
	`send` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `panel_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `panel_children_member` ON `panel_children` (`member_id`);--> statement-breakpoint
CREATE TABLE `panel_contacts` (
	`member_id` text PRIMARY KEY NOT NULL,
	`sealed` text NOT NULL,
	`has_email` integer NOT NULL,
	`has_phone` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `panel_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `panel_members` (
	`id` text PRIMARY KEY NOT NULL,
	`panel_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`pseudonym` text NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`consented_at` integer NOT NULL,
	`consent_version` text NOT NULL,
	`withdrawn_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`panel_id`) REFERENCES `panels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `panel_members_pseudonym_unique` ON `panel_members` (`pseudonym`);--> statement-breakpoint
CREATE INDEX `panel_members_panel` ON `panel_members` (`panel_id`);--> statement-breakpoint
CREATE TABLE `panel_waves` (
	`id` text PRIMARY KEY NOT NULL,
	`panel_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`survey_id` text NOT NULL,
	`stages` text,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`reminder_limit` integer NOT NULL,
	`reminder_gap_days` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`opened_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`panel_id`) REFERENCES `panels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `panel_waves_panel` ON `panel_waves` (`panel_id`,`opens_at`);--> statement-breakpoint
CREATE TABLE `panels` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`site_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `panels_org` ON `panels` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `paper_entries` (
	`response_id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`paper_date` text NOT NULL,
	`keyed_by` text NOT NULL,
	`keyed_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `paper_entries_site` ON `paper_entries` (`site_id`,`keyed_at`);--> statement-breakpoint
CREATE TABLE `wave_answers` (
	`wave_id` text NOT NULL,
	`pseudonym` text NOT NULL,
	`response_id` text NOT NULL,
	`stages` text NOT NULL,
	PRIMARY KEY(`wave_id`, `pseudonym`),
	FOREIGN KEY (`wave_id`) REFERENCES `panel_waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `wave_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`wave_id` text NOT NULL,
	`member_id` text,
	`language` text NOT NULL,
	`stages` text NOT NULL,
	`sent_at` integer NOT NULL,
	`reminders` integer DEFAULT 0 NOT NULL,
	`last_sent_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`wave_id`) REFERENCES `panel_waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `wave_invitations_wave` ON `wave_invitations` (`wave_id`);--> statement-breakpoint
CREATE INDEX `wave_invitations_member` ON `wave_invitations` (`member_id`);--> statement-breakpoint
CREATE TABLE `wave_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`invitation_id` text NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `wave_invitations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `wave_links_invitation` ON `wave_links` (`invitation_id`);