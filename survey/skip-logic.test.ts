import { describe, expect, it } from 'vitest';
import { isShown, type Answers } from './skip-logic';
import type { Condition } from './survey-schema';

const poorOrVeryPoor: Condition = { question: 'fft', in: ['poor', 'veryPoor'] };

describe('isShown', () => {
  it.each<{ condition: Condition | undefined; answers: Answers; out: boolean }>([
    { condition: undefined, answers: {}, out: true },
    // in
    { condition: poorOrVeryPoor, answers: { fft: 'poor' }, out: true },
    { condition: poorOrVeryPoor, answers: { fft: 'veryPoor' }, out: true },
    { condition: poorOrVeryPoor, answers: { fft: 'good' }, out: false },
    { condition: poorOrVeryPoor, answers: {}, out: false },
    { condition: poorOrVeryPoor, answers: { fft: '' }, out: false },
    { condition: { question: 'rating', in: ['1', '2'] }, answers: { rating: 2 }, out: true },
    { condition: { question: 'helped', in: ['staff'] }, answers: { helped: ['room', 'staff'] }, out: true },
    { condition: { question: 'helped', in: ['staff'] }, answers: { helped: ['room'] }, out: false },
    { condition: { question: 'grid', in: ['disagree'] }, answers: { grid: { staff: 'agree', safe: 'disagree' } }, out: true },
    // notIn
    { condition: { question: 'fft', notIn: ['veryGood', 'good'] }, answers: { fft: 'poor' }, out: true },
    { condition: { question: 'fft', notIn: ['veryGood', 'good'] }, answers: { fft: 'good' }, out: false },
    { condition: { question: 'fft', notIn: ['veryGood', 'good'] }, answers: {}, out: true },
    { condition: { question: 'helped', notIn: ['staff'] }, answers: { helped: ['room', 'staff'] }, out: false },
    // answered
    { condition: { question: 'fft', answered: true }, answers: { fft: 'neither' }, out: true },
    { condition: { question: 'fft', answered: true }, answers: {}, out: false },
    { condition: { question: 'fft', answered: false }, answers: {}, out: true },
    { condition: { question: 'fft', answered: false }, answers: { fft: 'good' }, out: false },
    { condition: { question: 'helped', answered: true }, answers: { helped: [] }, out: false },
    { condition: { question: 'nps', answered: true }, answers: { nps: 0 }, out: true },
    // all / any
    { condition: { all: [poorOrVeryPoor, { question: 'again', in: ['no'] }] }, answers: { fft: 'poor', again: 'no' }, out: true },
    { condition: { all: [poorOrVeryPoor, { question: 'again', in: ['no'] }] }, answers: { fft: 'poor', again: 'yes' }, out: false },
    { condition: { any: [poorOrVeryPoor, { question: 'again', in: ['no'] }] }, answers: { fft: 'good', again: 'no' }, out: true },
    { condition: { any: [poorOrVeryPoor, { question: 'again', in: ['no'] }] }, answers: { fft: 'good', again: 'yes' }, out: false },
    {
      condition: { any: [{ all: [poorOrVeryPoor, { question: 'again', answered: true }] }, { question: 'nps', in: ['0'] }] },
      answers: { fft: 'veryPoor', again: 'yes' },
      out: true,
    },
    {
      condition: { any: [{ all: [poorOrVeryPoor, { question: 'again', answered: true }] }, { question: 'nps', in: ['0'] }] },
      answers: { fft: 'veryPoor' },
      out: false,
    },
  ])('$condition with $answers is $out', ({ condition, answers, out }) => {
    expect(isShown(condition, answers)).toBe(out);
  });
});
