/** What the shell and other features use of reminders: the top-bar entry and the automation rules store. */
export { RemindersEntry } from './RemindersEntry';
export { useReminderStore } from './reminder-store';
