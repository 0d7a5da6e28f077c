export { startConsoleChat, type ConsoleChatOptions } from './chat.js';
export { createLogAbovePrompt, type LogAbovePrompt } from './log-above-prompt.js';
