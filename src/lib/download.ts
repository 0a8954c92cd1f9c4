/** Saves a file the way a link with `download` does: the browser streams it to disk, nothing stays in the page. */
export function saveThroughBrowser(url: string, filename: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}
