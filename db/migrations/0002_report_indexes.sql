DROP INDEX `responses_site_submitted`;--> statement-breakpoint
CREATE INDEX `responses_site_report` ON `responses` (`site_id`,`submitted_at`,`fft`,`rating`);--> statement-breakpoint
CREATE INDEX `responses_report` ON `responses` (`submitted_at`,`site_id`,`service_point_id`,`channel`,`language`,`respondent_role`,`fft`,`rating`);