/**
 * Free-text analysis for Family Hub feedback: themes, sentiment, summaries, safeguarding and
 * redaction. Pure and synchronous; runs on Node and Cloudflare Workers; models are JSON.
 */
export { parseCsv, parseCsvRecords, formatCsv } from './csv';
export { tokenise, stem } from './tokenize';
export { loadModel, modelToJson, SENTIMENT_CLASSES } from './model';
export type { Sentiment, ThemeDefinition, ThemeModel, ThemeModelJson } from './model';
export { defaultModel, defaultTaxonomy, seedModelJson, DEFAULT_SENTIMENT_LAYER, DEFAULT_THEME_REVIEW } from './default-model';
export { loadThemeReview, packThemeReview } from './theme-review';
export type { PackedThemeReviewJson, ThemeReviewJson } from './theme-review';
export { CALIBRATION_PRECISION, calibrateThemeThresholds, trainThemeReview } from './theme-review-train';
export type { ThemeCalibration, ThemeReviewTrainOptions } from './theme-review-train';
export { loadSentimentLayer, packSentimentLayer } from './sentiment-layer';
export { trainSentimentLayer } from './sentiment-train';
export type { PackedSentimentLayerJson, SentimentLayerJson } from './sentiment-layer';
export type { SentimentTrainOptions } from './sentiment-train';
export { classify } from './classify';
export type { Classification, ThemeMention } from './classify';
export { tagComment } from './tag';
export type { TaggedComment } from './tag';
export { train, applyCorrections } from './train';
export type { LabelledComment, TrainOptions, TrainProgress, ThemeCorrection, CorrectionOptions } from './train';
export { evaluate, crossValidate, scorePredictions, parseLabelledCsv } from './evaluate';
export type { Evaluation, ThemeScore, LanguageScore } from './evaluate';
export { redact, redactSpans, isValidNhsNumber } from './redact';
export type { Redaction, RedactionKind } from './redact';
export { parseMarkedText, scoreRedaction, summariseRedaction, tokenRanges } from './redact-eval';
export type { MarkedText, Range, RedactionScore, RedactionSummary } from './redact-eval';
export {
  detectSafeguarding,
  compileSafeguarding,
  DEFAULT_SAFEGUARDING_LEXICONS,
  DEFAULT_SAFEGUARDING_MODEL,
  PATTERNS_ONLY_DETECTOR,
  modelView,
  SAFEGUARDING_CATEGORIES,
} from './safeguarding';
export { trainSafeguardingModel, loadSafeguardingModel, scoreSafeguardingModel, serialiseSafeguardingModel } from './safeguarding-model';
export type { SafeguardingModel, OutOfFold } from './safeguarding-model';
export type { SafeguardingCategory, SafeguardingLexicon, SafeguardingMatch, SafeguardingResult, SafeguardingDetector } from './safeguarding';
export { parseSafeguardingCsv, scoreSafeguarding } from './safeguarding-eval';
export type { SafeguardingCase, SafeguardingEvaluation } from './safeguarding-eval';
export { summariseThemes, emergingTerms } from './summarise';
export type { PeriodCounts, TaggedCommentRow, ThemeSummary, ThemeSummaryEntry, ThemeSummaryOptions, EmergingTerm, SentimentSplit } from './summarise';
