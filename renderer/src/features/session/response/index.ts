export { ConversationView, type ConversationTurn, type ConversationViewProps } from './ConversationView';
export { ResponseView, type ResponseViewProps } from './ResponseView';
