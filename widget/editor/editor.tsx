/**
 * The survey editor (`/admin/surveys/{id}/edit`): every question type, required or optional, skip
 * rules, the optional "About you" page, the children's version, and each text in all six languages
 * side by side with missing translations marked. It edits a draft: saving never changes what
 * families see; publishing (on the survey's page, after its preview) makes the next version.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Button, Check, type Errors, fieldId, type Language, Select, Texts } from './fields';
import {
  answerChoices,
  clone,
  type Definition,
  type EditorLabels,
  flatten,
  freshId,
  missingTranslations,
  moved,
  newQuestion,
  type Page,
  type Problem,
  problems,
  QUESTION_TYPES,
  type Question,
  questionIds,
  type SimpleCondition,
  TYPE_NAMES,
  tidy,
  unflatten,
  valueFrom,
} from './model';

export interface EditorData {
  surveyId: string;
  name: string;
  /** The draft revision loaded, sent back on save so nobody's changes are overwritten. */
  basedOn: number;
  definition: Definition;
  languages: Language[];
  labels: EditorLabels;
  /** The standard "About you" page (survey/about-you.ts). */
  aboutYou: Page;
}

type Status = { kind: 'idle' | 'saving' | 'saved' | 'failed'; text: string };

/** The survey's own texts, each in every language. */
const SURVEY_TEXTS: { key: 'title' | 'intro' | 'thankYou'; label: string; hint?: string; required?: boolean }[] = [
  { key: 'title', label: 'Title', required: true },
  { key: 'intro', label: 'Introduction', hint: 'Shown above the first question.' },
  { key: 'thankYou', label: 'Thank-you message', hint: 'Shown after sending, above “You said, we did”.' },
];

export function Editor({ data }: { data: EditorData }) {
  const [definition, setDefinition] = useState<Definition>(() => clone(data.definition));
  const [basedOn, setBasedOn] = useState(data.basedOn);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: data.basedOn ? 'Editing your saved draft.' : 'Editing a copy of the published survey.' });
  const [shown, setShown] = useState<Problem[]>([]);
  const [opened, setOpened] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const { languages, labels } = data;

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = '';
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    if (shown.length) summary.current?.focus();
  }, [shown]);

  /** Applies a change to a copy of the definition. */
  const update = (change: (draft: Definition) => void) => {
    const next = clone(definition);
    change(next);
    setDefinition(next);
    setDirty(true);
    if (shown.length) setShown(problems(next));
  };

  const errors: Errors = Object.fromEntries(shown.map((p) => [p.path, p.message]));

  async function save(): Promise<boolean> {
    const found = problems(definition);
    setShown(found);
    if (found.length) {
      setStatus({ kind: 'failed', text: 'Not saved: fix the problems listed at the top.' });
      return false;
    }
    setStatus({ kind: 'saving', text: 'Saving…' });
    try {
      const response = await fetch(`/api/surveys/${encodeURIComponent(data.surveyId)}/draft`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ definition: tidy(definition), basedOn }),
      });
      const body = (await response.json().catch(() => null)) as {
        draft?: { revision: number };
        error?: { message: string; details?: { field: string; message: string }[] };
      } | null;
      if (response.ok && body?.draft) {
        setBasedOn(body.draft.revision);
        setDirty(false);
        setStatus({
          kind: 'saved',
          text: `Draft saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}. Families still see the published version.`,
        });
        return true;
      }
      if (response.status === 422 && body?.error?.details) {
        setShown(body.error.details.map((d) => ({ path: d.field.replace(/^definition\./, ''), message: d.message })));
      }
      setStatus({ kind: 'failed', text: `Not saved: ${body?.error?.message ?? `the server answered ${response.status}`}` });
    } catch {
      setStatus({ kind: 'failed', text: 'Not saved: hubvoice could not be reached. Your changes are still here; try again.' });
    }
    return false;
  }

  const ids = questionIds(definition);
  const missing = missingTranslations(
    definition,
    languages.filter((l) => l.code !== 'en').map((l) => l.code),
  );
  const aboutYouAt = definition.pages.findIndex((page) => page.id === data.aboutYou.id);
  let number = 0;

  return (
    <div class="ed">
      <div class="ed-bar">
        <Button onClick={() => void save()}>Save draft</Button>
        <Button
          kind="secondary"
          onClick={() =>
            void save().then((ok) => {
              if (ok) location.assign(`/admin/surveys/${encodeURIComponent(data.surveyId)}#preview-h`);
            })
          }
        >
          Save and preview
        </Button>
        <p class={`ed-status ed-${status.kind}`} role="status">
          {dirty && status.kind !== 'saving' ? 'Unsaved changes.' : status.text}
        </p>
      </div>

      {shown.length > 0 && (
        <div class="es" role="alert" aria-labelledby="ed-es-title" tabIndex={-1} ref={summary}>
          <h2 id="ed-es-title">There is a problem</h2>
          <ul>
            {shown.map((problem) => (
              <li key={problem.path + problem.message}>
                <a href={`#${fieldId(problem.path)}`} onClick={() => setOpened(questionAt(problem.path, definition))}>
                  {problem.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <section aria-labelledby="ed-tr">
        <h2 id="ed-tr">Translations</h2>
        <ul class="ed-tr">
          {languages
            .filter((l) => l.code !== 'en')
            .map((language) => (
              <li key={language.code}>
                <span lang={language.code}>{language.name}</span>:{' '}
                {missing[language.code] ? (
                  <strong class="tag tag-yellow">{missing[language.code]} missing</strong>
                ) : (
                  <strong class="tag tag-green">complete</strong>
                )}
              </li>
            ))}
        </ul>
        <p class="hint">Where a translation is missing, families reading that language see the English.</p>
      </section>

      <section aria-labelledby="ed-about">
        <h2 id="ed-about">The survey</h2>
        {SURVEY_TEXTS.map(({ key, label, hint, required }) => (
          <Texts
            key={key}
            label={label}
            hint={hint}
            path={key}
            required={required}
            multiline={key !== 'title'}
            value={definition[key]}
            languages={languages}
            errors={errors}
            onChange={(v) => update((d) => (d[key] = v as Definition['title']))}
          />
        ))}
      </section>

      {definition.pages.map((page, p) => {
        const isAboutYou = p === aboutYouAt;
        return (
          <section class="ed-page" key={page.id} aria-labelledby={`ed-page-${p}`}>
            <div class="ed-page-head">
              <h2 id={`ed-page-${p}`}>{isAboutYou ? 'About you (optional questions)' : `Page ${p + 1}`}</h2>
              {!isAboutYou && definition.pages.length > 1 && (
                <Button kind="secondary" label={`Remove page ${p + 1} and its questions`} onClick={() => update((d) => d.pages.splice(p, 1))}>
                  Remove page
                </Button>
              )}
            </div>
            {isAboutYou ? <AboutYou page={page} standard={data.aboutYou} onChange={(next) => update((d) => (d.pages[p] = next))} /> : null}
            <Texts
              label="Page heading"
              path={`pages.${p}.title`}
              value={page.title}
              languages={languages}
              errors={errors}
              onChange={(v) => update((d) => (d.pages[p]!.title = v as Definition['title']))}
            />
            {errors[`pages.${p}.questions`] && <p class="err">{errors[`pages.${p}.questions`]}</p>}
            <ol class="ed-questions" start={number + 1}>
              {page.questions.map((question, q) => {
                number++;
                const earlier = definition.pages.slice(0, p + 1).flatMap((pg, i) => (i < p ? pg.questions : pg.questions.slice(0, q)));
                return (
                  <QuestionCard
                    key={question.id}
                    number={number}
                    path={`pages.${p}.questions.${q}`}
                    question={question}
                    earlier={earlier}
                    languages={languages}
                    labels={labels}
                    errors={errors}
                    open={opened === question.id}
                    onToggle={(on) => setOpened(on ? question.id : opened === question.id ? null : opened)}
                    fixedAnswers={question.type === 'equality'}
                    onChange={(next) => update((d) => (d.pages[p]!.questions[q] = next))}
                    onMove={(by) => update((d) => (d.pages[p]!.questions = moved(d.pages[p]!.questions, q, by)))}
                    onRemove={() =>
                      update((d) => {
                        d.pages[p]!.questions.splice(q, 1);
                        if (isAboutYou && d.pages[p]!.questions.length === 0) d.pages.splice(p, 1);
                      })
                    }
                    first={q === 0}
                    last={q === page.questions.length - 1}
                  />
                );
              })}
            </ol>
            {!isAboutYou && (
              <AddQuestion
                page={p}
                onAdd={(type) => {
                  const question = newQuestion(type, ids);
                  update((d) => d.pages[p]!.questions.push(question));
                  setOpened(question.id);
                }}
              />
            )}
          </section>
        );
      })}

      <div class="ed-more">
        <Button
          kind="secondary"
          onClick={() =>
            update((d) => {
              const id = freshId(
                d.pages.map((pg) => pg.id),
                'page',
              );
              const question = newQuestion('longtext', questionIds(d));
              const at = aboutYouAt >= 0 ? aboutYouAt : d.pages.length;
              d.pages.splice(at, 0, { id, questions: [question] });
              setOpened(question.id);
            })
          }
        >
          Add a page
        </Button>
        {aboutYouAt < 0 && (
          <Button kind="secondary" onClick={() => update((d) => d.pages.push(clone(data.aboutYou)))}>
            Add the “About you” questions
          </Button>
        )}
        {aboutYouAt >= 0 && (
          <Button kind="secondary" onClick={() => update((d) => d.pages.splice(aboutYouAt, 1))}>
            Remove the “About you” questions
          </Button>
        )}
      </div>
    </div>
  );
}

/** The question a problem's path points into, so its card opens when the link is followed. */
function questionAt(path: string, definition: Definition): string | null {
  const match = /^pages\.(\d+)\.questions\.(\d+)/.exec(path);
  return match ? (definition.pages[Number(match[1])]?.questions[Number(match[2])]?.id ?? null) : null;
}

function AddQuestion({ page, onAdd }: { page: number; onAdd: (type: (typeof QUESTION_TYPES)[number]['type']) => void }) {
  const [type, setType] = useState<(typeof QUESTION_TYPES)[number]['type']>('longtext');
  return (
    <div class="ed-add">
      <Select
        id={`ed-add-${page}`}
        label={`New question on page ${page + 1}`}
        value={type}
        options={QUESTION_TYPES.map((t) => ({ value: t.type, label: t.name }))}
        onChange={(value) => setType(value as typeof type)}
      />
      <Button onClick={() => onAdd(type)}>Add question</Button>
    </div>
  );
}

/** Which of the standard "About you" questions the page asks. */
function AboutYou({ page, standard, onChange }: { page: Page; standard: Page; onChange: (page: Page) => void }) {
  const asked = new Set(page.questions.map((q) => q.id));
  return (
    <fieldset class="ed-texts">
      <legend class="lbl">Questions asked</legend>
      <p class="hint">Equality questions with fixed answers (and “Prefer not to say”), so results compare across sites and years. Families may skip them.</p>
      {standard.questions.map((question) => (
        <Check
          key={question.id}
          id={`ed-ay-${question.id}`}
          label={question.title?.en ?? question.id}
          checked={asked.has(question.id)}
          onChange={(on) =>
            onChange({
              ...page,
              questions: standard.questions
                .filter((q) => (q.id === question.id ? on : asked.has(q.id)))
                .map((q) => page.questions.find((mine) => mine.id === q.id) ?? clone(q)),
            })
          }
        />
      ))}
    </fieldset>
  );
}

interface CardProps {
  number: number;
  path: string;
  question: Question;
  earlier: Question[];
  languages: Language[];
  labels: EditorLabels;
  errors: Errors;
  open: boolean;
  onToggle: (open: boolean) => void;
  fixedAnswers: boolean;
  onChange: (question: Question) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
}

function QuestionCard(props: CardProps) {
  const { number, path, question, earlier, languages, labels, errors, open, onChange } = props;
  const set = (change: Partial<Question>) => onChange({ ...question, ...change } as Question);
  const title = question.type === 'fft' ? labels.fftQuestion : question.title?.en || 'New question';
  const hasError = Object.keys(errors).some((key) => key.startsWith(`${path}.`) || key === path);
  const rule = flatten(question.showIf);
  return (
    <li class={hasError ? 'ed-q ed-q-err' : 'ed-q'}>
      <details open={open || hasError} onToggle={(event) => props.onToggle((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <span class="ed-q-title">{title}</span>{' '}
          <span class="ed-q-meta">
            {TYPE_NAMES[question.type]} · {question.required ? 'required' : 'optional'}
            {question.showIf ? ' · has a skip rule' : ''}
            {question.forChildren?.leaveOut ? ' · not in the children’s version' : ''}
          </span>
        </summary>
        <div class="ed-q-body">
          <div class="ed-q-tools">
            {!props.first && (
              <Button kind="secondary" label={`Move question ${number} up`} onClick={() => props.onMove(-1)}>
                Move up
              </Button>
            )}
            {!props.last && (
              <Button kind="secondary" label={`Move question ${number} down`} onClick={() => props.onMove(1)}>
                Move down
              </Button>
            )}
            <Button kind="warn" label={`Remove question ${number}`} onClick={props.onRemove}>
              Remove
            </Button>
          </div>
          <p class="hint">
            Reference <code>{question.id}</code>: answers are stored under it, so it stays the same when you change the wording.
          </p>
          {question.type === 'fft' ? (
            <p class="note">The Friends and Family Test question and its answers use NHS England’s standard wording in every language.</p>
          ) : (
            <Texts
              label="Question"
              path={`${path}.title`}
              required
              value={question.title}
              languages={languages}
              errors={errors}
              onChange={(v) => set({ title: v as Question['title'] })}
            />
          )}
          <Texts
            label="Hint"
            path={`${path}.hint`}
            value={question.hint}
            languages={languages}
            errors={errors}
            onChange={(v) => set({ hint: v as Question['title'] })}
          />
          <Check
            id={fieldId(`${path}.required`)}
            label="Families must answer this question"
            checked={question.required}
            onChange={(on) =>
              set({ required: on, ...(on && question.forChildren?.leaveOut ? { forChildren: { ...question.forChildren, leaveOut: false } } : {}) })
            }
          />
          <TypeParts {...props} set={set} />
          {rule ? (
            <RuleEditor
              path={path}
              question={question}
              earlier={earlier}
              labels={labels}
              join={rule.join}
              tests={rule.tests}
              errors={errors}
              onChange={(showIf) => set({ showIf })}
            />
          ) : (
            <div class="note">
              <p>This question has a skip rule written through the API, more involved than this page shows. It is kept as it is.</p>
              <Button kind="secondary" onClick={() => set({ showIf: undefined })}>
                Remove that rule
              </Button>
            </div>
          )}
          <fieldset class="ed-texts">
            <legend class="lbl">Children’s version</legend>
            <p class="hint">The form at the children’s link (“for children and young people”) can ask this in simpler words, or leave it out.</p>
            <Check
              id={fieldId(`${path}.forChildren.leaveOut`)}
              label="Leave this question out of the children’s version"
              checked={!!question.forChildren?.leaveOut}
              disabled={question.required}
              hint={question.required ? 'A required question is always asked.' : undefined}
              onChange={(on) => set({ forChildren: { ...question.forChildren, leaveOut: on } })}
            />
            {!question.forChildren?.leaveOut && (
              <Texts
                label="Simpler words for children"
                path={`${path}.forChildren.title`}
                value={question.forChildren?.title}
                languages={languages}
                errors={errors}
                onChange={(v) => set({ forChildren: { ...question.forChildren, title: v as Question['title'] } })}
              />
            )}
          </fieldset>
        </div>
      </details>
    </li>
  );
}

/** What a question's type adds: answers, statements, a scale style, a length. */
function TypeParts({ path, question, languages, errors, set }: CardProps & { set: (change: Partial<Question>) => void }) {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return (
        <>
          <OptionsEditor
            label="Answers"
            path={`${path}.options`}
            options={question.options}
            languages={languages}
            errors={errors}
            onChange={(options) => set({ options } as Partial<Question>)}
          />
          {question.type === 'multiple' && (
            <NumberField
              id={fieldId(`${path}.max`)}
              label="Most answers a family may choose (optional)"
              value={question.max}
              min={1}
              max={question.options.length}
              onChange={(max) => set({ max } as Partial<Question>)}
            />
          )}
        </>
      );
    case 'likert':
      return (
        <>
          <OptionsEditor
            label="Statements"
            noun="statement"
            path={`${path}.rows`}
            options={question.rows.map((r) => ({ value: r.id, label: r.label }))}
            languages={languages}
            errors={errors}
            onChange={(rows) => set({ rows: rows.map((r) => ({ id: r.value, label: r.label })) } as Partial<Question>)}
          />
          <OptionsEditor
            label="Scale"
            path={`${path}.scale`}
            options={question.scale}
            languages={languages}
            errors={errors}
            onChange={(scale) => set({ scale } as Partial<Question>)}
          />
        </>
      );
    case 'rating':
      return (
        <Select
          id={fieldId(`${path}.style`)}
          label="Shown as"
          value={question.style}
          options={[
            { value: 'stars', label: 'Stars' },
            { value: 'smileys', label: 'Faces' },
          ]}
          onChange={(style) => set({ style } as Partial<Question>)}
        />
      );
    case 'text':
    case 'longtext':
      return (
        <NumberField
          id={fieldId(`${path}.maxLength`)}
          label="Longest answer, in characters"
          value={question.maxLength}
          min={1}
          max={question.type === 'text' ? 500 : 5000}
          onChange={(maxLength) => set({ maxLength: maxLength ?? (question.type === 'text' ? 200 : 2000) } as Partial<Question>)}
        />
      );
    default:
      return null;
  }
}

function NumberField({
  id,
  label,
  value,
  min,
  max,
  onChange,
}: {
  id: string;
  label: string;
  value: number | undefined;
  min: number;
  max: number;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <div class="fg">
      <label class="lbl" for={id}>
        {label}
      </label>
      <input
        class="input ed-num"
        type="number"
        inputMode="numeric"
        id={id}
        min={min}
        max={max}
        value={value ?? ''}
        onChange={(event) => {
          const typed = Number.parseInt((event.currentTarget as HTMLInputElement).value, 10);
          onChange(Number.isFinite(typed) ? Math.min(max, Math.max(min, typed)) : undefined);
        }}
      />
    </div>
  );
}

type Option = { value: string; label: Question['title'] & object };

function OptionsEditor({
  label,
  noun = 'answer',
  path,
  options,
  languages,
  errors,
  onChange,
}: {
  label: string;
  noun?: string;
  path: string;
  options: Option[];
  languages: Language[];
  errors: Errors;
  onChange: (options: Option[]) => void;
}) {
  const values = options.map((o) => o.value);
  return (
    <fieldset class="ed-options">
      <legend class="lbl">{label}</legend>
      {errors[path] && <p class="err">{errors[path]}</p>}
      <ol>
        {options.map((option, i) => (
          <li key={i}>
            <Texts
              label={`${noun[0]!.toUpperCase()}${noun.slice(1)} ${i + 1}`}
              path={`${path}.${i}.label`}
              required
              value={option.label}
              languages={languages}
              errors={errors}
              onChange={(v) => {
                const next = [...options];
                const english = v.en ?? '';
                // A new answer takes its stored value from its first English words; a saved one keeps it.
                const value =
                  /^(option|row)\d+$/.test(option.value) && english.trim()
                    ? valueFrom(
                        english,
                        values.filter((_, j) => j !== i),
                      )
                    : option.value;
                next[i] = { value, label: v as Option['label'] };
                onChange(next);
              }}
            />
            <div class="ed-q-tools">
              {i > 0 && (
                <Button kind="secondary" label={`Move ${noun} ${i + 1} up`} onClick={() => onChange(moved(options, i, -1))}>
                  Move up
                </Button>
              )}
              {options.length > 1 && (
                <Button kind="secondary" label={`Remove ${noun} ${i + 1}`} onClick={() => onChange(options.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <Button kind="secondary" onClick={() => onChange([...options, { value: freshId(values, noun === 'answer' ? 'option' : 'row'), label: { en: '' } }])}>
        Add {noun}
      </Button>
    </fieldset>
  );
}

const OPERATORS = [
  { value: 'in', label: 'is one of' },
  { value: 'notIn', label: 'is none of' },
  { value: 'answered', label: 'has been answered' },
  { value: 'unanswered', label: 'has not been answered' },
];

function operatorOf(test: SimpleCondition): string {
  if ('in' in test) return 'in';
  if ('notIn' in test) return 'notIn';
  return test.answered ? 'answered' : 'unanswered';
}

/** "Ask only if": tests on earlier questions' answers, joined by all or any. */
function RuleEditor({
  path,
  question,
  earlier,
  labels,
  join,
  tests,
  errors,
  onChange,
}: {
  path: string;
  question: Question;
  earlier: Question[];
  labels: EditorLabels;
  join: 'all' | 'any';
  tests: SimpleCondition[];
  errors: Errors;
  onChange: (showIf: Question['showIf']) => void;
}) {
  const id = fieldId(`${path}.showIf`);
  const set = (next: SimpleCondition[], nextJoin = join) => onChange(unflatten(nextJoin, next));
  const titleOf = (q: Question) => (q.type === 'fft' ? labels.fftQuestion : q.title?.en || q.id);
  const first = earlier[0];
  return (
    <fieldset class="ed-rule" id={id}>
      <legend class="lbl">When to ask</legend>
      {errors[`${path}.showIf`] && <p class="err">{errors[`${path}.showIf`]}</p>}
      {tests.length === 0 ? (
        <p>Always asked.</p>
      ) : (
        <>
          {tests.length > 1 && (
            <Select
              id={`${id}-join`}
              label="Ask only if"
              value={join}
              options={[
                { value: 'all', label: 'all of these are true' },
                { value: 'any', label: 'any of these is true' },
              ]}
              onChange={(value) => set(tests, value as 'all' | 'any')}
            />
          )}
          {tests.length === 1 && <p>Ask only if:</p>}
          <ol class="ed-tests">
            {tests.map((test, i) => {
              const source = earlier.find((q) => q.id === test.question);
              const choices = source ? answerChoices(source, labels) : [];
              const operator = operatorOf(test);
              const chosen = 'in' in test ? test.in : 'notIn' in test ? test.notIn : [];
              const replace = (next: SimpleCondition) => set(tests.map((t, j) => (j === i ? next : t)));
              return (
                <li key={i}>
                  <Select
                    id={`${id}-${i}-q`}
                    label={`Test ${i + 1}: question`}
                    value={test.question}
                    options={earlier.map((q) => ({ value: q.id, label: titleOf(q) }))}
                    onChange={(value) => {
                      const next = earlier.find((q) => q.id === value)!;
                      const values = answerChoices(next, labels);
                      replace(values.length ? { question: value, in: [values[0]!.value] } : { question: value, answered: true });
                    }}
                  />
                  <Select
                    id={`${id}-${i}-op`}
                    label="Its answer"
                    value={operator}
                    options={OPERATORS.filter((o) => choices.length || o.value === 'answered' || o.value === 'unanswered')}
                    onChange={(value) => {
                      const values = chosen.length ? chosen : choices.slice(0, 1).map((c) => c.value);
                      replace(
                        value === 'in'
                          ? { question: test.question, in: values }
                          : value === 'notIn'
                            ? { question: test.question, notIn: values }
                            : { question: test.question, answered: value === 'answered' },
                      );
                    }}
                  />
                  {(operator === 'in' || operator === 'notIn') && (
                    <fieldset class="ed-values">
                      <legend class="vh">Answers for test {i + 1}</legend>
                      {choices.map((choice) => (
                        <Check
                          key={choice.value}
                          id={`${id}-${i}-v-${choice.value}`}
                          label={choice.label}
                          checked={chosen.includes(choice.value)}
                          onChange={(on) => {
                            const values = on ? [...chosen, choice.value] : chosen.filter((v) => v !== choice.value);
                            if (values.length === 0) return;
                            replace(operator === 'in' ? { question: test.question, in: values } : { question: test.question, notIn: values });
                          }}
                        />
                      ))}
                    </fieldset>
                  )}
                  <Button kind="secondary" label={`Remove test ${i + 1}`} onClick={() => set(tests.filter((_, j) => j !== i))}>
                    Remove test
                  </Button>
                </li>
              );
            })}
          </ol>
        </>
      )}
      {first ? (
        <Button
          kind="secondary"
          onClick={() => {
            const source = earlier[earlier.length - 1]!;
            const values = answerChoices(source, labels);
            set([...tests, values.length ? { question: source.id, in: [values[0]!.value] } : { question: source.id, answered: true }]);
          }}
        >
          {tests.length ? 'Add another test' : 'Ask only if…'}
        </Button>
      ) : (
        question && <p class="hint">The first question is always asked: a rule can only depend on questions before it.</p>
      )}
    </fieldset>
  );
}
