// The chat page. Plain browser JavaScript: it imports nothing from the server and talks only to API v1.
// Every message is rendered as text (never as HTML); the checklist view shows HTML the server has
// already sanitised.

const UI = {
  'zh-CN': {
    title: '法治体检 · 企业合规自查',
    skipToInput: '跳到回答输入框',
    sessionActions: '会话操作',
    checklist: '查看清单',
    restart: '重新开始',
    conversation: '对话',
    answerArea: '回答',
    choices: '可选回答',
    shortcuts: '快捷操作',
    back: '返回上一题',
    skip: '跳过',
    why: '为什么问这个',
    progress: '进度',
    inputLabel: '输入回答（编号、选项文字或 是/否/不确定），或直接提出法律问题',
    send: '发送',
    checklistTitle: '整改清单',
    downloadMd: '下载 Markdown',
    downloadJson: '下载 JSON',
    close: '关闭',
    unsure: '不确定',
    confirm: '确认选择',
    chooseAny: '可多选，选好后点“确认选择”',
    progressLabel: (p) =>
      `进度 ${p.percent}%（已回答 ${p.answered} 题，约 ${p.total} 题）${p.section ? ` · ${p.sectionTitle ?? ''}` : ''}`,
    done: '自查已完成，可以查看清单。',
    sending: '发送中…',
    failed: '请求失败，请稍后重试：',
    restartConfirm: '重新开始将放弃当前会话，确定吗？',
    switchTo: 'English',
    commandText: {
      back: '返回上一题',
      skip: '跳过',
      why: '为什么问这个',
      progress: '进度',
      checklist: '查看清单',
    },
    localeCommand: 'English',
    loadingChecklist: '正在生成清单…',
    numberPlaceholder: '请输入数字',
  },
  en: {
    title: 'Legal Checkup · compliance self-assessment',
    skipToInput: 'Skip to the answer box',
    sessionActions: 'Session actions',
    checklist: 'Checklist',
    restart: 'Start over',
    conversation: 'Conversation',
    answerArea: 'Answer',
    choices: 'Choices',
    shortcuts: 'Shortcuts',
    back: 'Back',
    skip: 'Skip',
    why: 'Why this question?',
    progress: 'Progress',
    inputLabel: 'Type an answer (number, option text or yes/no/not sure), or ask a legal question',
    send: 'Send',
    checklistTitle: 'Remediation checklist',
    downloadMd: 'Download Markdown',
    downloadJson: 'Download JSON',
    close: 'Close',
    unsure: 'Not sure',
    confirm: 'Confirm',
    chooseAny: 'Choose any that apply, then Confirm',
    progressLabel: (p) =>
      `Progress ${p.percent}% (${p.answered} of about ${p.total} answered)${p.section ? ` · ${p.sectionTitle ?? ''}` : ''}`,
    done: 'The self-assessment is complete: open the checklist.',
    sending: 'Sending…',
    failed: 'The request failed, please try again: ',
    restartConfirm: 'Start over and abandon this session?',
    switchTo: '中文',
    commandText: { back: 'back', skip: 'skip', why: 'why', progress: 'progress', checklist: 'checklist' },
    localeCommand: '中文',
    loadingChecklist: 'Preparing the checklist…',
    numberPlaceholder: 'Type a number',
  },
}

const STORAGE_KEY = 'legal-checkup.session'
const $ = (id) => document.getElementById(id)

const state = { id: null, token: null, locale: 'zh-CN', question: null, busy: false }

function t(key) {
  return UI[state.locale][key]
}

function applyLocale() {
  document.documentElement.lang = state.locale
  document.title = t('title')
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n)
  for (const el of document.querySelectorAll('[data-i18n-aria]'))
    el.setAttribute('aria-label', t(el.dataset.i18nAria))
  const localeButton = $('locale-button')
  localeButton.textContent = t('switchTo')
  localeButton.lang = state.locale === 'zh-CN' ? 'en' : 'zh-CN'
}

async function api(method, path, body) {
  const headers = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (state.token) headers.authorization = `Bearer ${state.token}`
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const type = res.headers.get('content-type') ?? ''
  const payload = type.includes('json') ? await res.json() : await res.text()
  if (!res.ok) {
    const error = new Error(payload?.error?.message ?? `HTTP ${res.status}`)
    error.status = res.status
    throw error
  }
  return payload
}

function renderMessage(message) {
  const el = document.createElement('div')
  el.className = `message ${message.role} ${message.kind ?? ''}`
  el.textContent = message.text
  $('messages').append(el)
  el.scrollIntoView({ block: 'end', behavior: 'smooth' })
}

function renderProgress(progress, question) {
  const p = { ...progress, sectionTitle: question?.sectionTitle }
  $('progress-label').textContent = question ? t('progressLabel')(p) : t('done')
  $('progress-bar').setAttribute('aria-valuenow', String(progress.percent))
  $('progress-fill').style.width = `${progress.percent}%`
}

function optionButton(label, onClick) {
  const button = document.createElement('button')
  button.type = 'button'
  button.textContent = label
  button.addEventListener('click', onClick)
  return button
}

function renderOptions(question) {
  const box = $('options')
  box.replaceChildren()
  state.question = question
  for (const el of document.querySelectorAll(
    '[data-command="back"], [data-command="skip"], [data-command="why"]',
  )) {
    el.disabled = !question && el.dataset.command !== 'back'
  }
  if (!question) return
  const unsure = () => answer({ questionId: question.id, unsure: true })
  if (question.type === 'multi') {
    const fieldset = document.createElement('fieldset')
    const legend = document.createElement('legend')
    legend.textContent = t('chooseAny')
    fieldset.append(legend)
    for (const option of question.options) {
      const label = document.createElement('label')
      const input = document.createElement('input')
      input.type = 'checkbox'
      input.value = option.value
      input.dataset.exclusive = option.exclusive ? 'true' : ''
      input.addEventListener('change', () => {
        if (!input.checked) return
        for (const other of fieldset.querySelectorAll('input')) {
          if (other !== input && (input.dataset.exclusive || other.dataset.exclusive)) other.checked = false
        }
      })
      label.append(input, document.createTextNode(option.label))
      fieldset.append(label)
    }
    const confirm = optionButton(t('confirm'), () => {
      const value = [...fieldset.querySelectorAll('input:checked')].map((i) => i.value)
      if (value.length) answer({ questionId: question.id, value })
    })
    confirm.className = 'primary'
    fieldset.append(confirm)
    box.append(fieldset)
  } else if (question.type === 'single' || question.type === 'boolean') {
    for (const option of question.options)
      box.append(optionButton(option.label, () => answer({ questionId: question.id, value: option.value })))
  }
  if (question.allowUnsure) {
    const button = optionButton(t('unsure'), unsure)
    button.className = ''
    box.append(button)
  }
  const input = $('reply-input')
  input.placeholder = question.type === 'number' ? t('numberPlaceholder') : ''
  input.inputMode = question.type === 'number' ? 'decimal' : 'text'
}

function applyTurn(turn, { skipUserEcho } = { skipUserEcho: true }) {
  for (const message of turn.messages) {
    if (skipUserEcho && message.role === 'user') continue
    renderMessage(message)
  }
  renderOptions(turn.question)
  renderProgress(turn.progress, turn.question)
}

async function busy(task) {
  if (state.busy) return
  state.busy = true
  $('status').textContent = ''
  for (const el of document.querySelectorAll('button, textarea')) el.setAttribute('aria-busy', 'true')
  try {
    await task()
  } catch (error) {
    $('status').textContent = `${t('failed')}${error.message}`
    if (error.status === 401 || error.status === 403 || error.status === 404) {
      localStorage.removeItem(STORAGE_KEY)
    }
  } finally {
    state.busy = false
    for (const el of document.querySelectorAll('[aria-busy]')) el.removeAttribute('aria-busy')
  }
}

function send(text) {
  return busy(async () => {
    renderMessage({ role: 'user', kind: 'text', text })
    const turn = await api('POST', `/api/v1/sessions/${state.id}/messages`, { text })
    applyTurn(turn)
  })
}

function answer(body) {
  return busy(async () => {
    const turn = await api('POST', `/api/v1/sessions/${state.id}/answers`, body)
    applyTurn(turn, { skipUserEcho: false })
  })
}

async function start() {
  const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
  if (saved?.id && saved?.token) {
    state.id = saved.id
    state.token = saved.token
    try {
      const view = await api('GET', `/api/v1/sessions/${state.id}`)
      state.locale = view.locale
      applyLocale()
      applyTurn(view, { skipUserEcho: false })
      return
    } catch {
      localStorage.removeItem(STORAGE_KEY)
    }
  }
  await newSession(state.locale)
}

async function newSession(locale) {
  state.token = null
  const started = await api('POST', '/api/v1/sessions', { locale })
  state.id = started.id
  state.token = started.token
  state.locale = started.locale
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ id: started.id, token: started.token }))
  $('messages').replaceChildren()
  applyLocale()
  applyTurn(started, { skipUserEcho: false })
  $('reply-input').focus()
}

async function openChecklist() {
  const dialog = $('checklist-dialog')
  const body = $('checklist-body')
  body.textContent = t('loadingChecklist')
  dialog.showModal()
  await busy(async () => {
    // The server renders the checklist with marked and sanitises it; nothing here adds markup.
    body.innerHTML = await api('GET', `/api/v1/sessions/${state.id}/checklist?format=html`)
    body.focus()
  })
}

async function download(format) {
  await busy(async () => {
    const payload = await api('GET', `/api/v1/sessions/${state.id}/checklist?format=${format}`)
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2)
    const blob = new Blob([text], { type: format === 'md' ? 'text/markdown' : 'application/json' })
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = `legal-checkup-checklist.${format}`
    link.click()
    URL.revokeObjectURL(link.href)
  })
}

function wire() {
  $('reply-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const input = $('reply-input')
    const text = input.value.trim()
    if (!text || state.busy) return
    input.value = ''
    send(text)
  })
  $('reply-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault()
      $('reply-form').requestSubmit()
    }
  })
  for (const button of document.querySelectorAll('[data-command]')) {
    button.addEventListener('click', () => send(t('commandText')[button.dataset.command]))
  }
  $('checklist-button').addEventListener('click', openChecklist)
  $('close-checklist').addEventListener('click', () => $('checklist-dialog').close())
  $('download-md').addEventListener('click', () => download('md'))
  $('download-json').addEventListener('click', () => download('json'))
  $('locale-button').addEventListener('click', () => {
    const command = t('localeCommand')
    state.locale = state.locale === 'zh-CN' ? 'en' : 'zh-CN'
    applyLocale()
    if (state.id) send(command)
  })
  $('restart-button').addEventListener('click', () => {
    if (window.confirm(t('restartConfirm'))) busy(() => newSession(state.locale))
  })
}

wire()
applyLocale()
busy(start)
