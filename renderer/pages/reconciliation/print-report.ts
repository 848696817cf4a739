/**
 * Prints an HTML document through a hidden frame, so the page itself stays as it is; the frame goes once the print
 * dialog closes. Resolves when the dialog has been opened.
 */
export function printHtml(html: string, doc: Document = document): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = doc.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.setAttribute('tabindex', '-1');
    frame.style.position = 'fixed';
    frame.style.width = '0';
    frame.style.height = '0';
    frame.style.border = '0';
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow;
        if (!view) {
          frame.remove();
          reject(new Error('The report could not be opened for printing.'));
          return;
        }
        view.addEventListener('afterprint', () => frame.remove(), { once: true });
        view.focus();
        view.print();
        resolve();
      },
      { once: true },
    );
    frame.srcdoc = html;
    doc.body.append(frame);
  });
}
