CREATE TABLE `theme_days` (
	`site_id` text NOT NULL,
	`day` integer NOT NULL,
	`theme` text NOT NULL,
	`mentions` integer NOT NULL,
	`negative` integer NOT NULL,
	`positive` integer NOT NULL,
	PRIMARY KEY(`site_id`, `day`, `theme`)
);
--> statement-breakpoint
-- Count the comments already stored, as db/theme-days.ts counts each new one.
INSERT INTO `theme_days` (`site_id`, `day`, `theme`, `mentions`, `negative`, `positive`)
SELECT site_id, day, theme, count(*), sum(sentiment < 0), sum(sentiment > 0) FROM (
  SELECT c.site_id, c.submitted_at / 86400000 AS day, '' AS theme, c.sentiment FROM comments c
  UNION ALL
  SELECT c.site_id, c.submitted_at / 86400000, json_extract(m.value, '$.theme'), coalesce(json_extract(m.value, '$.sentiment'), c.sentiment)
  FROM comments c, json_each(c.themes) m
) GROUP BY site_id, day, theme;
