/** The Knowledge base feature's public surface: the pages the route table loads. */
export { KnowledgeBasePage } from './KnowledgeBasePage';
export { ArticlePage } from './ArticlePage';
