// The official-layout preview's page script: receives the laid-out notice (HTML and CSS made by the
// language server from the same layout model as the .docx), cuts the flow of blocks into A4 pages
// with their footnotes and page numbers (from page 2 on), follows the editor's scrolling, and sends
// clicks on a paragraph back as its source line.
(function () {
  const vscode = acquireVsCodeApi();
  const pages = document.getElementById('pages');
  const problem = document.getElementById('problem');
  const layoutCss = document.getElementById('layout-css');

  function newPage(number) {
    const page = document.createElement('div');
    page.className = 'page';
    page.dataset.page = String(number);
    if (number > 1) {
      const label = document.createElement('div');
      label.className = 'page-number s-pageNumber';
      label.textContent = String(number);
      page.appendChild(label);
    }
    const content = document.createElement('div');
    content.className = 'content';
    const notes = document.createElement('div');
    notes.className = 'notes';
    page.append(content, notes);
    pages.appendChild(page);
    return { page, content, notes };
  }

  function footnotesOf(block) {
    const own = block.dataset.footnotes ? [block] : [];
    return own.concat(Array.from(block.querySelectorAll('[data-footnotes]'))).flatMap((element) => element.dataset.footnotes.split(' '));
  }

  function render(html) {
    const flow = document.createElement('div');
    flow.className = 'flow';
    flow.innerHTML = html;
    pages.replaceChildren(flow);
    const source = flow.querySelector('.footnotes-source');
    const footnotes = new Map();
    if (source) {
      for (const note of Array.from(source.children)) footnotes.set(note.dataset.footnote, note);
      source.remove();
    }
    const blocks = Array.from(flow.children);
    flow.remove();
    let current = newPage(1);
    // The text area of a page: its height less the top and bottom margins.
    const limit = current.page.clientHeight - parseFloat(getComputedStyle(current.page).paddingTop) - parseFloat(getComputedStyle(current.page).paddingBottom);
    for (const block of blocks) {
      const notes = footnotesOf(block).map((number) => footnotes.get(number)).filter(Boolean);
      current.content.appendChild(block);
      for (const note of notes) current.notes.appendChild(note);
      const used = current.content.offsetHeight + current.notes.offsetHeight;
      if (used > limit && current.content.children.length > 1) {
        current = newPage(Number(current.page.dataset.page) + 1);
        current.content.appendChild(block);
        for (const note of notes) current.notes.appendChild(note);
      }
    }
  }

  function scrollToLine(line) {
    let best;
    for (const element of pages.querySelectorAll('.content [data-line]')) {
      if (Number(element.dataset.line) <= line) best = element;
      else break;
    }
    if (best) window.scrollTo({ top: best.getBoundingClientRect().top + window.scrollY - 12 });
    else if (line === 0) window.scrollTo({ top: 0 });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'update') {
      const scroll = window.scrollY;
      layoutCss.textContent = message.css;
      problem.hidden = true;
      render(message.html);
      window.scrollTo({ top: scroll });
    } else if (message.type === 'problem') {
      problem.hidden = false;
      problem.textContent = message.title + '\n' + message.text;
      pages.replaceChildren();
    } else if (message.type === 'scroll') {
      scrollToLine(message.line);
    }
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (target) vscode.postMessage({ type: 'reveal', line: Number(target.dataset.line) });
  });

  vscode.postMessage({ type: 'ready' });
})();
