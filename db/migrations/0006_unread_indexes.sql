DROP INDEX `comments_org_submitted`;--> statement-breakpoint
DROP INDEX `responses_org_submitted`;