// natural ships types only for its top-level entry, which drags in database drivers; these
// declare the single deep module we import so that Workers bundles stay small.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_pt.js' {
  const PorterStemmerPt: { stem(token: string): string };
  export default PorterStemmerPt;
}
