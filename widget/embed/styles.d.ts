/** widget/embed/styles.css, minified into a string by widget/bundle-widget.ts. */
declare module '*/styles.css' {
  const css: string;
  export default css;
}
