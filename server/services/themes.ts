/**
 * Free text for the people who improve services: redacted comments to drill into, corrections of
 * their themes, and the organisation's own theme model (uploaded, or taught from corrections).
 * A model belongs to a whole organisation, so only organisation-wide assignments may replace it.
 */
import { z } from 'zod';
import { applyCorrections, loadModel, type Sentiment, type ThemeModel } from '../../analysis/text';
import { correctComment, correctionsOf, findComments, type CommentQuery } from '../../db/comments';
import { organisationsOf } from '../../db/reports';
import { EVERY_SITE, type Principal } from '../../db/scope';
import { organisationsFor, scopeFor, type Action } from '../access/policy';
import type { AppDeps } from '../deps';
import { ApiError, forbidden, notFound, validationFailed } from '../errors';

export const Correction = z.object({
  themes: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'theme ids are lower-case words joined by -'))
    .min(1)
    .max(10),
  sentiment: z.union([z.literal(-1), z.literal(0), z.literal(1)]).optional(),
});
export type Correction = z.infer<typeof Correction>;

export function themeService(deps: Pick<AppDeps, 'store' | 'now' | 'themeModels'>) {
  const { db } = deps.store;

  /**
   * The organisation a model call is about: the one asked for, or the caller's only one. Reading
   * needs the action anywhere in the organisation; managing needs it organisation-wide.
   */
  async function organisationFor(principal: Principal, action: Action, asked: string | undefined): Promise<string> {
    const whole = organisationsFor(principal, action);
    const mine =
      action === 'themes.manage' ? (whole === 'all' ? await organisationsOf(db, EVERY_SITE) : whole) : await organisationsOf(db, scopeFor(principal, action));
    if (asked) {
      if (!mine.includes(asked)) throw validationFailed([{ field: 'organisation', message: 'not an organisation you can manage' }]);
      return asked;
    }
    if (mine.length === 0) throw forbidden();
    if (mine.length !== 1) throw validationFailed([{ field: 'organisation', message: 'say which organisation' }]);
    return mine[0]!;
  }

  return {
    comments(principal: Principal, query: CommentQuery) {
      return findComments(db, scopeFor(principal, 'comments.read'), scopeFor(principal, 'flags.readOriginal'), query);
    },

    async correct(principal: Principal, commentId: string, correction: Correction) {
      const done = await correctComment(
        db,
        scopeFor(principal, 'comments.correct'),
        commentId,
        { ...correction, userId: principal.userId },
        {
          at: deps.now(),
          action: 'comment_themes_corrected',
          userId: principal.userId,
          targetType: 'comment',
          targetId: commentId,
          details: correction,
        },
      );
      if (!done) throw notFound('That comment');
      return { id: commentId, ...correction };
    },

    async model(principal: Principal, asked: string | undefined) {
      const organisationId = await organisationFor(principal, 'themes.read', asked);
      const { model, version } = await deps.themeModels.forOrganisation(organisationId);
      return { version, multiLabel: model.multiLabel, trainedOn: model.trainedOn ?? null, themes: model.themes };
    },

    async upload(principal: Principal, asked: string | undefined, body: string) {
      const organisationId = await organisationFor(principal, 'themes.manage', asked);
      let model: ThemeModel;
      try {
        model = loadModel(body);
      } catch (error) {
        throw new ApiError(422, 'invalid_model', `That is not a hubvoice theme model: ${(error as Error).message}`);
      }
      const saved = await deps.themeModels.save(organisationId, model, 'uploaded', principal.userId, {
        at: deps.now(),
        action: 'theme_model_uploaded',
        userId: principal.userId,
      });
      return { version: saved.version, themes: model.themes.length };
    },

    async applyCorrections(principal: Principal, asked: string | undefined) {
      const organisationId = await organisationFor(principal, 'themes.manage', asked);
      const corrections = await correctionsOf(db, organisationId);
      if (corrections.length === 0) throw validationFailed([{ field: 'corrections', message: 'there are no corrections to learn from yet' }]);
      const { model } = await deps.themeModels.forOrganisation(organisationId);
      const taught = applyCorrections(
        model,
        corrections.map((r) => ({ text: r.text, themes: r.themes, sentiment: r.sentiment as Sentiment })),
      );
      const saved = await deps.themeModels.save(organisationId, taught, 'corrections', principal.userId, {
        at: deps.now(),
        action: 'theme_model_corrected',
        userId: principal.userId,
        details: { corrections: corrections.length },
      });
      return { version: saved.version, corrections: corrections.length, themes: taught.themes.length };
    },
  };
}
