CREATE TABLE `response_months` (
	`dim` text NOT NULL,
	`site_id` text NOT NULL,
	`month` integer NOT NULL,
	`key` text NOT NULL,
	`survey_version_id` text NOT NULL,
	`n` integer NOT NULL,
	`f1` integer NOT NULL,
	`f2` integer NOT NULL,
	`f3` integer NOT NULL,
	`f4` integer NOT NULL,
	`f5` integer NOT NULL,
	`f6` integer NOT NULL,
	`rating_sum` real NOT NULL,
	`rating_count` integer NOT NULL,
	`r1` integer NOT NULL,
	`r2` integer NOT NULL,
	`r3` integer NOT NULL,
	`r4` integer NOT NULL,
	`r5` integer NOT NULL,
	`p0` integer NOT NULL,
	`p1` integer NOT NULL,
	`p2` integer NOT NULL,
	`p3` integer NOT NULL,
	`p4` integer NOT NULL,
	`p5` integer NOT NULL,
	`p6` integer NOT NULL,
	`p7` integer NOT NULL,
	`p8` integer NOT NULL,
	`p9` integer NOT NULL,
	`p10` integer NOT NULL,
	PRIMARY KEY(`dim`, `site_id`, `month`, `key`, `survey_version_id`)
);
--> statement-breakpoint
CREATE TABLE `theme_months` (
	`site_id` text NOT NULL,
	`month` integer NOT NULL,
	`theme` text NOT NULL,
	`mentions` integer NOT NULL,
	`negative` integer NOT NULL,
	`positive` integer NOT NULL,
	PRIMARY KEY(`month`, `site_id`, `theme`)
);
--> statement-breakpoint
-- The day rows already counted, summed by month. From here on the triggers below keep each month
-- equal to the sum of its days, whichever writer changes a day (db/schema.ts: response_months).
INSERT INTO response_months (dim, site_id, month, key, survey_version_id, n, f1, f2, f3, f4, f5, f6, rating_sum, rating_count, r1, r2, r3, r4, r5, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10)
SELECT dim, site_id, CAST(julianday(date(day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), key, survey_version_id, sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(f5), sum(f6), sum(rating_sum), sum(rating_count), sum(r1), sum(r2), sum(r3), sum(r4), sum(r5), sum(p0), sum(p1), sum(p2), sum(p3), sum(p4), sum(p5), sum(p6), sum(p7), sum(p8), sum(p9), sum(p10)
FROM response_days GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO theme_months (site_id, month, theme, mentions, negative, positive)
SELECT site_id, CAST(julianday(date(day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), theme, sum(mentions), sum(negative), sum(positive)
FROM theme_days GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER response_months_insert AFTER INSERT ON response_days BEGIN
  INSERT INTO response_months (dim, site_id, month, key, survey_version_id, n, f1, f2, f3, f4, f5, f6, rating_sum, rating_count, r1, r2, r3, r4, r5, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10)
  VALUES (NEW.dim, NEW.site_id, CAST(julianday(date(NEW.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), NEW.key, NEW.survey_version_id, NEW.n, NEW.f1, NEW.f2, NEW.f3, NEW.f4, NEW.f5, NEW.f6, NEW.rating_sum, NEW.rating_count, NEW.r1, NEW.r2, NEW.r3, NEW.r4, NEW.r5, NEW.p0, NEW.p1, NEW.p2, NEW.p3, NEW.p4, NEW.p5, NEW.p6, NEW.p7, NEW.p8, NEW.p9, NEW.p10)
  ON CONFLICT (dim, site_id, month, key, survey_version_id) DO UPDATE SET n = n + excluded.n, f1 = f1 + excluded.f1, f2 = f2 + excluded.f2, f3 = f3 + excluded.f3, f4 = f4 + excluded.f4, f5 = f5 + excluded.f5, f6 = f6 + excluded.f6, rating_sum = rating_sum + excluded.rating_sum, rating_count = rating_count + excluded.rating_count, r1 = r1 + excluded.r1, r2 = r2 + excluded.r2, r3 = r3 + excluded.r3, r4 = r4 + excluded.r4, r5 = r5 + excluded.r5, p0 = p0 + excluded.p0, p1 = p1 + excluded.p1, p2 = p2 + excluded.p2, p3 = p3 + excluded.p3, p4 = p4 + excluded.p4, p5 = p5 + excluded.p5, p6 = p6 + excluded.p6, p7 = p7 + excluded.p7, p8 = p8 + excluded.p8, p9 = p9 + excluded.p9, p10 = p10 + excluded.p10;
END;
--> statement-breakpoint
CREATE TRIGGER response_months_update AFTER UPDATE ON response_days WHEN OLD.dim = NEW.dim AND OLD.site_id = NEW.site_id AND OLD.day = NEW.day AND OLD.key = NEW.key AND OLD.survey_version_id = NEW.survey_version_id BEGIN
  INSERT INTO response_months (dim, site_id, month, key, survey_version_id, n, f1, f2, f3, f4, f5, f6, rating_sum, rating_count, r1, r2, r3, r4, r5, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10)
  VALUES (NEW.dim, NEW.site_id, CAST(julianday(date(NEW.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), NEW.key, NEW.survey_version_id, NEW.n - OLD.n, NEW.f1 - OLD.f1, NEW.f2 - OLD.f2, NEW.f3 - OLD.f3, NEW.f4 - OLD.f4, NEW.f5 - OLD.f5, NEW.f6 - OLD.f6, NEW.rating_sum - OLD.rating_sum, NEW.rating_count - OLD.rating_count, NEW.r1 - OLD.r1, NEW.r2 - OLD.r2, NEW.r3 - OLD.r3, NEW.r4 - OLD.r4, NEW.r5 - OLD.r5, NEW.p0 - OLD.p0, NEW.p1 - OLD.p1, NEW.p2 - OLD.p2, NEW.p3 - OLD.p3, NEW.p4 - OLD.p4, NEW.p5 - OLD.p5, NEW.p6 - OLD.p6, NEW.p7 - OLD.p7, NEW.p8 - OLD.p8, NEW.p9 - OLD.p9, NEW.p10 - OLD.p10)
  ON CONFLICT (dim, site_id, month, key, survey_version_id) DO UPDATE SET n = n + excluded.n, f1 = f1 + excluded.f1, f2 = f2 + excluded.f2, f3 = f3 + excluded.f3, f4 = f4 + excluded.f4, f5 = f5 + excluded.f5, f6 = f6 + excluded.f6, rating_sum = rating_sum + excluded.rating_sum, rating_count = rating_count + excluded.rating_count, r1 = r1 + excluded.r1, r2 = r2 + excluded.r2, r3 = r3 + excluded.r3, r4 = r4 + excluded.r4, r5 = r5 + excluded.r5, p0 = p0 + excluded.p0, p1 = p1 + excluded.p1, p2 = p2 + excluded.p2, p3 = p3 + excluded.p3, p4 = p4 + excluded.p4, p5 = p5 + excluded.p5, p6 = p6 + excluded.p6, p7 = p7 + excluded.p7, p8 = p8 + excluded.p8, p9 = p9 + excluded.p9, p10 = p10 + excluded.p10;
END;
--> statement-breakpoint
CREATE TRIGGER response_months_move AFTER UPDATE ON response_days WHEN NOT (OLD.dim = NEW.dim AND OLD.site_id = NEW.site_id AND OLD.day = NEW.day AND OLD.key = NEW.key AND OLD.survey_version_id = NEW.survey_version_id) BEGIN
  INSERT INTO response_months (dim, site_id, month, key, survey_version_id, n, f1, f2, f3, f4, f5, f6, rating_sum, rating_count, r1, r2, r3, r4, r5, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10)
  VALUES (OLD.dim, OLD.site_id, CAST(julianday(date(OLD.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), OLD.key, OLD.survey_version_id, -OLD.n, -OLD.f1, -OLD.f2, -OLD.f3, -OLD.f4, -OLD.f5, -OLD.f6, -OLD.rating_sum, -OLD.rating_count, -OLD.r1, -OLD.r2, -OLD.r3, -OLD.r4, -OLD.r5, -OLD.p0, -OLD.p1, -OLD.p2, -OLD.p3, -OLD.p4, -OLD.p5, -OLD.p6, -OLD.p7, -OLD.p8, -OLD.p9, -OLD.p10)
  ON CONFLICT (dim, site_id, month, key, survey_version_id) DO UPDATE SET n = n + excluded.n, f1 = f1 + excluded.f1, f2 = f2 + excluded.f2, f3 = f3 + excluded.f3, f4 = f4 + excluded.f4, f5 = f5 + excluded.f5, f6 = f6 + excluded.f6, rating_sum = rating_sum + excluded.rating_sum, rating_count = rating_count + excluded.rating_count, r1 = r1 + excluded.r1, r2 = r2 + excluded.r2, r3 = r3 + excluded.r3, r4 = r4 + excluded.r4, r5 = r5 + excluded.r5, p0 = p0 + excluded.p0, p1 = p1 + excluded.p1, p2 = p2 + excluded.p2, p3 = p3 + excluded.p3, p4 = p4 + excluded.p4, p5 = p5 + excluded.p5, p6 = p6 + excluded.p6, p7 = p7 + excluded.p7, p8 = p8 + excluded.p8, p9 = p9 + excluded.p9, p10 = p10 + excluded.p10;
  INSERT INTO response_months (dim, site_id, month, key, survey_version_id, n, f1, f2, f3, f4, f5, f6, rating_sum, rating_count, r1, r2, r3, r4, r5, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10)
  VALUES (NEW.dim, NEW.site_id, CAST(julianday(date(NEW.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), NEW.key, NEW.survey_version_id, NEW.n, NEW.f1, NEW.f2, NEW.f3, NEW.f4, NEW.f5, NEW.f6, NEW.rating_sum, NEW.rating_count, NEW.r1, NEW.r2, NEW.r3, NEW.r4, NEW.r5, NEW.p0, NEW.p1, NEW.p2, NEW.p3, NEW.p4, NEW.p5, NEW.p6, NEW.p7, NEW.p8, NEW.p9, NEW.p10)
  ON CONFLICT (dim, site_id, month, key, survey_version_id) DO UPDATE SET n = n + excluded.n, f1 = f1 + excluded.f1, f2 = f2 + excluded.f2, f3 = f3 + excluded.f3, f4 = f4 + excluded.f4, f5 = f5 + excluded.f5, f6 = f6 + excluded.f6, rating_sum = rating_sum + excluded.rating_sum, rating_count = rating_count + excluded.rating_count, r1 = r1 + excluded.r1, r2 = r2 + excluded.r2, r3 = r3 + excluded.r3, r4 = r4 + excluded.r4, r5 = r5 + excluded.r5, p0 = p0 + excluded.p0, p1 = p1 + excluded.p1, p2 = p2 + excluded.p2, p3 = p3 + excluded.p3, p4 = p4 + excluded.p4, p5 = p5 + excluded.p5, p6 = p6 + excluded.p6, p7 = p7 + excluded.p7, p8 = p8 + excluded.p8, p9 = p9 + excluded.p9, p10 = p10 + excluded.p10;
END;
--> statement-breakpoint
CREATE TRIGGER response_months_delete AFTER DELETE ON response_days BEGIN
  INSERT INTO response_months (dim, site_id, month, key, survey_version_id, n, f1, f2, f3, f4, f5, f6, rating_sum, rating_count, r1, r2, r3, r4, r5, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10)
  VALUES (OLD.dim, OLD.site_id, CAST(julianday(date(OLD.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), OLD.key, OLD.survey_version_id, -OLD.n, -OLD.f1, -OLD.f2, -OLD.f3, -OLD.f4, -OLD.f5, -OLD.f6, -OLD.rating_sum, -OLD.rating_count, -OLD.r1, -OLD.r2, -OLD.r3, -OLD.r4, -OLD.r5, -OLD.p0, -OLD.p1, -OLD.p2, -OLD.p3, -OLD.p4, -OLD.p5, -OLD.p6, -OLD.p7, -OLD.p8, -OLD.p9, -OLD.p10)
  ON CONFLICT (dim, site_id, month, key, survey_version_id) DO UPDATE SET n = n + excluded.n, f1 = f1 + excluded.f1, f2 = f2 + excluded.f2, f3 = f3 + excluded.f3, f4 = f4 + excluded.f4, f5 = f5 + excluded.f5, f6 = f6 + excluded.f6, rating_sum = rating_sum + excluded.rating_sum, rating_count = rating_count + excluded.rating_count, r1 = r1 + excluded.r1, r2 = r2 + excluded.r2, r3 = r3 + excluded.r3, r4 = r4 + excluded.r4, r5 = r5 + excluded.r5, p0 = p0 + excluded.p0, p1 = p1 + excluded.p1, p2 = p2 + excluded.p2, p3 = p3 + excluded.p3, p4 = p4 + excluded.p4, p5 = p5 + excluded.p5, p6 = p6 + excluded.p6, p7 = p7 + excluded.p7, p8 = p8 + excluded.p8, p9 = p9 + excluded.p9, p10 = p10 + excluded.p10;
END;
--> statement-breakpoint
CREATE TRIGGER theme_months_insert AFTER INSERT ON theme_days BEGIN
  INSERT INTO theme_months (site_id, month, theme, mentions, negative, positive)
  VALUES (NEW.site_id, CAST(julianday(date(NEW.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), NEW.theme, NEW.mentions, NEW.negative, NEW.positive)
  ON CONFLICT (month, site_id, theme) DO UPDATE SET mentions = mentions + excluded.mentions, negative = negative + excluded.negative, positive = positive + excluded.positive;
END;
--> statement-breakpoint
CREATE TRIGGER theme_months_update AFTER UPDATE ON theme_days WHEN OLD.site_id = NEW.site_id AND OLD.day = NEW.day AND OLD.theme = NEW.theme BEGIN
  INSERT INTO theme_months (site_id, month, theme, mentions, negative, positive)
  VALUES (NEW.site_id, CAST(julianday(date(NEW.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), NEW.theme, NEW.mentions - OLD.mentions, NEW.negative - OLD.negative, NEW.positive - OLD.positive)
  ON CONFLICT (month, site_id, theme) DO UPDATE SET mentions = mentions + excluded.mentions, negative = negative + excluded.negative, positive = positive + excluded.positive;
END;
--> statement-breakpoint
CREATE TRIGGER theme_months_move AFTER UPDATE ON theme_days WHEN NOT (OLD.site_id = NEW.site_id AND OLD.day = NEW.day AND OLD.theme = NEW.theme) BEGIN
  INSERT INTO theme_months (site_id, month, theme, mentions, negative, positive)
  VALUES (OLD.site_id, CAST(julianday(date(OLD.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), OLD.theme, -OLD.mentions, -OLD.negative, -OLD.positive)
  ON CONFLICT (month, site_id, theme) DO UPDATE SET mentions = mentions + excluded.mentions, negative = negative + excluded.negative, positive = positive + excluded.positive;
  INSERT INTO theme_months (site_id, month, theme, mentions, negative, positive)
  VALUES (NEW.site_id, CAST(julianday(date(NEW.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), NEW.theme, NEW.mentions, NEW.negative, NEW.positive)
  ON CONFLICT (month, site_id, theme) DO UPDATE SET mentions = mentions + excluded.mentions, negative = negative + excluded.negative, positive = positive + excluded.positive;
END;
--> statement-breakpoint
CREATE TRIGGER theme_months_delete AFTER DELETE ON theme_days BEGIN
  INSERT INTO theme_months (site_id, month, theme, mentions, negative, positive)
  VALUES (OLD.site_id, CAST(julianday(date(OLD.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), OLD.theme, -OLD.mentions, -OLD.negative, -OLD.positive)
  ON CONFLICT (month, site_id, theme) DO UPDATE SET mentions = mentions + excluded.mentions, negative = negative + excluded.negative, positive = positive + excluded.positive;
END;
