/**
 * The survey editor's entry (its own bundle, built by widget/bundle-editor.ts): reads what the page
 * gave it and replaces the page's no-script editor (a plain form with the definition as JSON).
 */
import { render } from 'preact';
import { Editor, type EditorData } from './editor';

const mount = document.getElementById('survey-editor');
const data = document.getElementById('survey-editor-data');
if (mount && data?.textContent) {
  mount.textContent = '';
  render(<Editor data={JSON.parse(data.textContent) as EditorData} />, mount);
}
