import type { Localized } from '../shared/localized.js'

/** Every fixed sentence the chat says, in both locales. */
export const TEXT = {
  welcome: {
    'zh-CN':
      '您好！这里是“法治体检”企业合规自查。我会按公司治理、知识产权、数据安全与个人信息保护、企业刑事风险、劳动用工和财税几个方面提问，最后生成一份带法律依据的整改清单。\n\n回答方式：回复选项编号（如 1）、选项文字，或 是/否/不确定。随时可以发送：返回上一题、跳过、进度、查看清单、为什么问这个；也可以直接提出法律问题。发送 English 切换为英文。',
    en: 'Hello! This is the Legal Checkup compliance self-assessment. I will ask about corporate governance, intellectual property, data security and personal information, criminal risk, labour and tax, and then produce a remediation checklist with the legal basis of every item.\n\nReply with an option number (e.g. 1), the option text, or yes / no / not sure. At any time you can send: back, skip, progress, checklist, why — or ask a legal question. Send 中文 to switch to Chinese.',
  },
  notice: {
    'zh-CN':
      '个人信息说明：本自查只询问企业的制度和做法，不需要填写任何人的姓名、证件号或联系方式；请不要在回答中提供他人的个人信息。您的回答仅用于生成本次清单，可随时要求删除。本工具是自查辅助，不构成法律意见。',
    en: 'About your data: this self-assessment asks about your company’s policies and practices only; it needs no names, ID numbers or contact details, and please do not type anyone’s personal information. Your answers are used only to produce this checklist and can be deleted on request. This tool is a self-assessment aid, not legal advice.',
  },
  optionsHintSingle: { 'zh-CN': '回复编号或选项文字。', en: 'Reply with a number or the option text.' },
  optionsHintMulti: {
    'zh-CN': '可多选：回复多个编号，用逗号分隔（如 1,3）。',
    en: 'Choose any that apply: reply with numbers separated by commas (e.g. 1,3).',
  },
  optionsHintBoolean: {
    'zh-CN': '回复 是 / 否 / 不确定，或编号。',
    en: 'Reply yes / no / not sure, or a number.',
  },
  numberHint: { 'zh-CN': '请回复一个数字', en: 'Please reply with a number' },
  textHint: { 'zh-CN': '请直接输入您的回答。', en: 'Please type your answer.' },
  unsure: { 'zh-CN': '不确定', en: 'Not sure' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  whyPrefix: { 'zh-CN': '为什么问这个：', en: 'Why we ask: ' },
  notUnderstood: {
    'zh-CN': '抱歉，没能理解您的回答。',
    en: 'Sorry, I did not understand that answer.',
  },
  outOfRange: {
    'zh-CN': '这个编号或数字不在可选范围内。',
    en: 'That number is outside the choices.',
  },
  empty: { 'zh-CN': '请输入您的回答。', en: 'Please type an answer.' },
  firstQuestion: { 'zh-CN': '已经是第一题了。', en: 'This is already the first question.' },
  backTo: { 'zh-CN': '好的，回到上一题。', en: 'OK, back to the previous question.' },
  currentAnswer: { 'zh-CN': '您之前的回答：', en: 'Your earlier answer: ' },
  updated: { 'zh-CN': '已更新这题的回答。', en: 'Answer updated.' },
  skipped: {
    'zh-CN': '已跳过这一题，之后可以“返回上一题”补答。',
    en: 'Skipped. You can go back to it later.',
  },
  done: { 'zh-CN': '问卷已经全部完成。', en: 'The questionnaire is complete.' },
  doneHint: {
    'zh-CN': '可以发送“查看清单”查看整改清单，发送“返回上一题”修改回答，或直接提出法律问题。',
    en: 'Send “checklist” to see the remediation checklist, “back” to change an answer, or ask a legal question.',
  },
  help: {
    'zh-CN':
      '可用指令：\n· 返回上一题 — 修改上一题的回答\n· 跳过 — 暂不回答这一题\n· 进度 — 查看完成情况\n· 查看清单 — 查看目前的整改清单\n· 为什么问这个 — 了解提问的原因\n· English / 中文 — 切换语言\n也可以直接输入法律问题，我会从知识库中找出相关条文。',
    en: 'Commands:\n· back — change the previous answer\n· skip — leave this question for now\n· progress — how far you are\n· checklist — the checklist so far\n· why — why this question is asked\n· English / 中文 — switch language\nYou can also type a legal question and I will look up the relevant articles.',
  },
  switched: { 'zh-CN': '已切换为中文。', en: 'Switched to English.' },
  knowledgeIntro: {
    'zh-CN': '以下是知识库中的相关条文要点（一般性法律信息，不构成法律意见）：',
    en: 'Here are the relevant points from the knowledge base (general legal information, not legal advice):',
  },
  knowledgeNone: {
    'zh-CN': '知识库中没有找到与您的问题直接相关的条文。建议换个说法，或咨询执业律师。',
    en: 'I found nothing in the knowledge base that answers this directly. Try rephrasing, or ask a practising lawyer.',
  },
  resume: { 'zh-CN': '我们继续：', en: 'Let us continue:' },
  unverified: { 'zh-CN': '（尚未与官方文本核对）', en: ' (not yet checked against the official text)' },
  checklistReady: {
    'zh-CN': '点击“查看清单”可查看完整清单，包括每项的法律依据、触发的回答和整改步骤。',
    en: 'Open “Checklist” to see the full checklist, with the legal basis, the triggering answers and the steps for every item.',
  },
  partial: {
    'zh-CN': '问卷尚未完成，以下结果只反映已回答的部分。',
    en: 'The questionnaire is not finished; this reflects the answers so far.',
  },
} satisfies Record<string, Localized>
