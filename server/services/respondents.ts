/**
 * Requests from one person about their own words (UK GDPR rights of access and erasure): a family
 * who wrote an email address or phone number in a comment can have everything they wrote found by
 * it, sent to them, or erased. The search shows staff only what they may already read (redacted
 * text); the export, for the person, holds their original words; both are audited. Words under an
 * open safeguarding flag are kept until the flag is closed: a safeguarding record outweighs erasure.
 */
import { z } from 'zod';
import { auditStatement } from '../../db/audit';
import { eraseComments, findByContact, type Contact } from '../../db/respondents';
import type { Principal } from '../../db/scope';
import { organisationsFor, scopeFor } from '../access/policy';
import { validationFailed } from '../errors';
import type { ServiceDeps } from './index';

export const ContactInput = z.object({ contact: z.string().trim().min(1, 'enter the email address or phone number they wrote').max(254) });

/** An email address lower-cased, or a UK phone number as its digits from 0; null when it is neither. */
export function parseContact(raw: string): Contact | null {
  const text = raw.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { kind: 'email', value: text.toLowerCase() };
  let digits = text.replace(/[\s\-().]/g, '');
  if (digits.startsWith('+44')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  return /^0\d{9,10}$/.test(digits) ? { kind: 'phone', value: digits } : null;
}

export function respondentService(deps: Pick<ServiceDeps, 'store' | 'now'>) {
  const { db, client } = deps.store;

  const contactOf = (raw: string): Contact => {
    const contact = parseContact(raw);
    if (!contact)
      throw validationFailed([
        { field: 'contact', message: 'enter an email address (name@example.org) or a UK phone number (07700 900123)', code: 'invalid_contact' },
      ]);
    return contact;
  };
  const organisationOf = (principal: Principal) => {
    const organisations = organisationsFor(principal, 'respondents.manage');
    return organisations === 'all' ? null : (organisations[0] ?? null);
  };
  const found = (principal: Principal, contact: Contact) => findByContact(db, scopeFor(principal, 'respondents.manage'), contact);

  return {
    parseContact,

    /** What the person wrote, as staff may read it (redacted), with where and when. */
    async find(principal: Principal, raw: string) {
      const contact = contactOf(raw);
      const rows = await found(principal, contact);
      return {
        contact: contact.value,
        comments: rows.map((row) => ({
          responseId: row.responseId,
          meetingId: row.meetingId,
          question: row.questionId,
          site: row.siteName,
          submittedAt: row.submittedAt.toISOString(),
          redacted: row.redacted,
          underReview: row.openFlag,
        })),
      };
    },

    /** Everything held that the person wrote, their own words included, for sending to them; audited. */
    async export(principal: Principal, raw: string) {
      const contact = contactOf(raw);
      const rows = await found(principal, contact);
      const byResponse = new Map<
        string,
        { submittedAt: string; site: string; language: string; answers: unknown; comments: { question: string; text: string | null }[] }
      >();
      for (const row of rows) {
        // A meeting's notes are one entry each: they belong to no response.
        const key = row.responseId ?? `meeting:${row.id}`;
        const response = byResponse.get(key) ?? {
          submittedAt: row.submittedAt.toISOString(),
          site: row.siteName,
          language: row.language,
          answers: JSON.parse(row.answers) as unknown,
          comments: [],
        };
        response.comments.push({ question: row.questionId, text: row.text });
        byResponse.set(key, response);
      }
      await auditStatement(db, {
        at: deps.now(),
        action: 'respondent_data_exported',
        userId: principal.userId,
        organisationId: organisationOf(principal),
        details: { responses: byResponse.size, kind: contact.kind },
      });
      return { about: `Feedback that mentions ${contact.value}`, madeAt: deps.now().toISOString(), responses: [...byResponse.values()] };
    },

    /** Forgets the person's words (original and redacted) from every response that holds their contact; audited. */
    async erase(principal: Principal, raw: string) {
      const contact = contactOf(raw);
      const rows = await found(principal, contact);
      const held = rows.filter((row) => row.openFlag);
      if (held.length) {
        throw validationFailed([
          {
            field: 'contact',
            message: `${held.length === 1 ? 'one comment is' : `${held.length} comments are`} under an open safeguarding flag and kept until a safeguarding lead closes it; erase again after that`,
            code: 'under_safeguarding_review',
          },
        ]);
      }
      const responseIds = [...new Set(rows.flatMap((row) => (row.responseId ? [row.responseId] : [])))];
      const commentIds = rows.filter((row) => !row.responseId).map((row) => row.id);
      if (responseIds.length || commentIds.length) {
        await eraseComments(
          client,
          db,
          { responseIds, commentIds },
          {
            at: deps.now(),
            action: 'respondent_data_erased',
            userId: principal.userId,
            organisationId: organisationOf(principal),
            details: { responses: responseIds.length, meetingNotes: commentIds.length, kind: contact.kind },
          },
        );
      }
      /** Responses, and meetings' notes, whose words were erased. */
      return { erased: responseIds.length + commentIds.length };
    },
  };
}
