-- Free text was stored twice: in its comment (redacted for staff, the original forgotten at the end
-- of retention) and again, as typed, in responses.answers, where retention never reached it. Keep it
-- only in the comment: drop from each response's answers every question that has a comment. The
-- other answers are rebuilt as they were (json_each gives arrays and true/false as SQL values).
UPDATE responses SET answers = (
  SELECT json_group_object(key, CASE type
    WHEN 'true' THEN json('true') WHEN 'false' THEN json('false') WHEN 'null' THEN json('null')
    WHEN 'array' THEN json(value) WHEN 'object' THEN json(value)
    ELSE value END)
  FROM json_each(responses.answers)
  WHERE key NOT IN (SELECT question_id FROM comments WHERE comments.response_id = responses.id)
) WHERE id IN (SELECT response_id FROM comments);
