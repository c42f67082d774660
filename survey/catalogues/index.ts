/** The language catalogues shipped with hubvoice. A council extends them by editing these files. */
import ar from './ar.json';
import en from './en.json';
import pl from './pl.json';
import pt from './pt.json';
import ro from './ro.json';
import zh from './zh.json';
import type { Catalogue } from '../translate';

export const catalogues: Record<string, Catalogue> = { en, pl, ro, zh, pt, ar };
