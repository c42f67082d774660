import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, redact } from './redact';

describe('redact', () => {
  const redacted: { name: string; input: string; out: string }[] = [
    { name: 'an email address', input: 'Email me at sarah.jones+hub@example.co.uk please', out: 'Email me at [email] please' },
    { name: 'a spaced mobile number', input: 'ring 07700 900123 anytime', out: 'ring [phone] anytime' },
    { name: 'an unspaced mobile number', input: 'ring 07700900123.', out: 'ring [phone].' },
    { name: 'a +44 mobile number', input: 'text +44 7700 900123', out: 'text [phone]' },
    { name: 'a +44 (0) number', input: 'call +44 (0)1752 123456', out: 'call [phone]' },
    { name: 'a Plymouth landline', input: 'call 01752 123456 or', out: 'call [phone] or' },
    { name: 'a London number in brackets', input: 'phone (020) 7946 0018 today', out: 'phone [phone] today' },
    { name: 'a dashed number', input: 'on 0175-212-3456', out: 'on [phone]' },
    { name: 'a freephone number', input: 'helpline 0800 123 4567', out: 'helpline [phone]' },
    { name: 'a ten-digit freephone number', input: 'helpline 0800 123456.', out: 'helpline [phone].' },
    { name: 'a spaced postcode', input: 'I live in PL1 2AB now', out: 'I live in [postcode] now' },
    { name: 'a lower-case unspaced postcode', input: 'near pl12ab', out: 'near [postcode]' },
    { name: 'a London postcode', input: 'SW1A 1AA is far', out: '[postcode] is far' },
    { name: 'a spaced NHS number', input: 'NHS no 943 476 5919 for my son', out: 'NHS no [NHS number] for my son' },
    { name: 'an unspaced NHS number', input: 'number 9434765919', out: 'number [NHS number]' },
    { name: 'a street address', input: 'come to 12 Armada Way on Monday', out: 'come to [address] on Monday' },
    { name: 'a flat and street address', input: 'I live at Flat 3, 45 North Hill Road.', out: 'I live at [address]' },
    { name: 'a self-given full name', input: 'Hi my name is Sarah Jones and', out: 'Hi my name is [name] and' },
    { name: 'a lower-case self-given name', input: 'my name is sarah', out: 'my name is [name]' },
    { name: "a name after I'm", input: "I'm Tom, a dad of two", out: "I'm [name], a dad of two" },
    { name: 'a name after I am called', input: 'I am called Aisha', out: 'I am called [name]' },
    { name: "a child's name after my son", input: 'my son Jake loves it', out: 'my son [name] loves it' },
    {
      name: 'a child named after a kin word and a staff name before a role',
      input: 'my son Oliver loves it and Sarah the health visitor is great',
      out: 'my son [name] loves it and [name] the health visitor is great',
    },
    { name: 'a lower-case name after "my daughter"', input: 'my daughter amelia (4) has autism', out: 'my daughter [name] (4) has autism' },
    { name: 'a name after an age and a kin word', input: 'my 3 year old son Kacper goes', out: 'my 3 year old son [name] goes' },
    { name: 'staff named after thanks, joined by and', input: 'thanks to jo and kerry for baby bounce', out: 'thanks to [name] and [name] for baby bounce' },
    { name: 'a staff name before praise', input: 'Becky was amazing with us', out: '[name] was amazing with us' },
    { name: 'two staff who run the group', input: 'Michelle and Donna who run the group', out: '[name] and [name] who run the group' },
    { name: 'a title with its surname', input: 'Mrs Patel at reception was rude', out: '[name] at reception was rude' },
    {
      name: 'an ambiguous name after a kin word',
      input: 'my daughter Grace and her friend hope loved it',
      out: 'my daughter [name] and her friend [name] loved it',
    },
    { name: 'a name with apostrophe-s, keeping the s', input: "Vicky's group is the best", out: "[name]'s group is the best" },
    { name: 'a full-name, age and town signature whole', input: 'Lovely staff. Karen Smith, 35, Plympton', out: 'Lovely staff. [name]' },
    { name: 'the name of a dashed signature, keeping the role', input: 'Great group - Sarah (mum of 2)', out: 'Great group - [name] (mum of 2)' },
    { name: 'a numeric birth date', input: 'born 12/03/2019, diagnosed last year', out: 'born [date of birth], diagnosed last year' },
    { name: 'a written birth date', input: 'DOB 3 May 2021 for the form', out: 'DOB [date of birth] for the form' },
    { name: 'a birthday with an ordinal', input: 'his birthday is 4th June 2020 so', out: 'his birthday is [date of birth] so' },
    { name: 'a Polish child after "syn"', input: 'Syn Wojtek urodzony 14.05.2020', out: 'Syn [name] urodzony [date of birth]' },
    { name: 'a Romanian name after "fiul meu"', input: 'Fiul meu Andrei adoră grupul', out: 'Fiul meu [name] adoră grupul' },
    { name: 'a Chinese child after 我儿子', input: '我儿子小明很喜欢这里', out: '我儿子[name]很喜欢这里' },
    { name: 'a Chinese surname before 老师', input: '王老师对孩子很有耐心', out: '[name]老师对孩子很有耐心' },
    { name: 'a Polish name in the dative after thanks', input: 'dziękuję Kasi i Oli za pomoc', out: 'dziękuję [name] i [name] za pomoc' },
    { name: 'a Portuguese birth date with "de"', input: 'nasceu em 5 de março de 2023', out: 'nasceu em [date of birth]' },
    { name: 'staff praised as a credit', input: 'just want to say Adele is a credit to the hub', out: 'just want to say [name] is a credit to the hub' },
    { name: 'an Arabic name after اسمي', input: 'اسمي فاطمة وأريد أن أشكر الفريق', out: 'اسمي [name] وأريد أن أشكر الفريق' },
  ];
  for (const { name, input, out } of redacted) it(`replaces ${name}`, () => expect(redact(input)).toBe(out));

  const kept = [
    '5 stars from me',
    'We went on 12/03/2024 and 01.02.2024',
    'I have 2 children aged 3 and 5',
    'Sessions at 10:30 and at10am are best',
    'It costs £2.50 per session, 20 minutes away',
    "I'm very grateful and I'm Polish",
    'my son loves the group',
    'took 3 buses on the way there',
    'Rated 10 out of 10, year 2024',
    'My baby is 14 weeks old, born 2023',
    'ref 1234567890 is not a valid NHS number',
    'my son will love it and my daughter may come in June',
    'Will there be a group over Christmas? Grace period would be nice',
    'Summer holidays at Plympton Family Hub were great, Rose garden too',
    'Staff were lovely and Parking was easy on a Monday',
    'Got some great advice about Weaning and Potty Training',
    'my 3 year old loves the health visitor and Tesco is next door',
    'She was born in December 2022 and we came on 3rd May',
    "Had a chat with the Early Help team about my son's behaviour",
    'ابني يحب المجيء إلى هنا',
    '工作人员非常友好，谢谢大家',
    'Meals were lovely and Questions were answered',
    'Female staff were kind, District nurse came twice',
    "Have now called twice and St Ann's House was shut",
    'The CAMHS ED team and the DNs were slow',
    'Can never thank the staff enough',
    'syn ma 3 latka i bardzo lubi malowanie',
    'fiica mea are 3 ani si ii place',
    'a sala e linda e as criancas adoram, a minha filha adora',
    'it was tiny and my partner hits me',
  ];
  for (const text of kept) it(`leaves "${text}" alone`, () => expect(redact(text)).toBe(text));
});

describe('isValidNhsNumber', () => {
  const table = [
    { input: '9434765919', out: true },
    { input: '9434765918', out: false },
    { input: '943476591', out: false },
  ];
  for (const { input, out } of table) it(`says ${input} is ${out ? '' : 'not '}valid`, () => expect(isValidNhsNumber(input)).toBe(out));
});
