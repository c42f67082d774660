DROP INDEX `responses_report`;--> statement-breakpoint
ALTER TABLE `responses` ADD `nps` integer;--> statement-breakpoint
CREATE INDEX `responses_report` ON `responses` (`submitted_at`,`site_id`,`service_point_id`,`channel`,`language`,`respondent_role`,`fft`,`rating`,`nps`);