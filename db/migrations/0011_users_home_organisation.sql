ALTER TABLE `users` ADD `organisation_id` text;--> statement-breakpoint
-- Existing accounts belong to the organisation of their first organisation, provider or site role;
-- accounts with only platform roles stay null (platform accounts).
UPDATE `users` SET `organisation_id` = (
  SELECT COALESCE(
    CASE ra.scope_type WHEN 'organisation' THEN ra.scope_id END,
    (SELECT p.organisation_id FROM providers p WHERE ra.scope_type = 'provider' AND p.id = ra.scope_id),
    (SELECT s.organisation_id FROM sites s WHERE ra.scope_type = 'site' AND s.id = ra.scope_id)
  )
  FROM role_assignments ra
  WHERE ra.user_id = users.id AND ra.scope_type <> 'platform'
  ORDER BY ra.created_at, ra.id
  LIMIT 1
);
