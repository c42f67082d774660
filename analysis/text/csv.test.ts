import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv, parseCsvRecords } from './csv';

describe('parseCsv', () => {
  const table: { name: string; input: string; out: string[][] }[] = [
    {
      name: 'splits plain fields and rows',
      input: 'a,b\nc,d\n',
      out: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    { name: 'keeps commas inside quoted fields', input: '"a, b",c', out: [['a, b', 'c']] },
    { name: 'unescapes doubled quotes', input: '"she said ""hi""",x', out: [['she said "hi"', 'x']] },
    {
      name: 'keeps newlines inside quoted fields',
      input: '"line 1\r\nline 2",x\r\ny,z',
      out: [
        ['line 1\r\nline 2', 'x'],
        ['y', 'z'],
      ],
    },
    {
      name: 'accepts CRLF line ends',
      input: 'a,b\r\nc,d\r\n',
      out: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    {
      name: 'keeps empty fields',
      input: 'a,,c\n,,\n',
      out: [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    },
    { name: 'reads a last row without a newline', input: 'a\nb', out: [['a'], ['b']] },
    { name: 'drops a byte-order mark', input: '\ufefftext\nx', out: [['text'], ['x']] },
    { name: 'reads an empty quoted field', input: '"",a', out: [['', 'a']] },
  ];
  for (const { name, input, out } of table) it(name, () => expect(parseCsv(input)).toEqual(out));
});

describe('parseCsvRecords', () => {
  it('keys each row by the header and fills missing cells with an empty string', () => {
    expect(parseCsvRecords('text,labels,sentiment\n"Hi, all",a;b\n')).toEqual([{ text: 'Hi, all', labels: 'a;b', sentiment: '' }]);
  });
});

describe('formatCsv', () => {
  it('round-trips fields with commas, quotes and newlines', () => {
    const rows = [
      ['text', 'labels'],
      ['a "quoted", multi\nline', 'x;y'],
      ['plain', ''],
    ];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });
});
