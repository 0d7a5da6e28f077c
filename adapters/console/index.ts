export { startConsoleChat, type ConsoleChatOptions } from './chat.js';
