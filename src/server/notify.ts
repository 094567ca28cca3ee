// The seam for sending reminders outside the app (短信/邮件 gateways are configuration for later). The
// app itself shows reminders in the bell; `jixiao task remind` prints who is late and, when a sender is
// configured in Deps.reminders, hands the same reminders to it. No sender ships: none is pretended.

export interface ReminderRecipient {
  userId: string;
  displayName: string;
  /** the role the reminder is addressed to (填报人, 部门负责人, 归口科室) */
  role: string;
}

export interface Reminder {
  taskId: string;
  departmentId: string;
  departmentName: string;
  /** whose move it is: the department's (报送) or finance's (审核) */
  stage: 'department' | 'finance' | 'publish';
  due: string;
  daysLeft: number;
  /** one Chinese sentence, ready for an SMS or an e-mail subject */
  text: string;
  recipients: ReminderRecipient[];
  /** a 项目支出 task: the department's late project tables, in one reminder (none when it has no report yet) */
  projects?: Array<{ reportId: string | null; projectName: string; stateLabel: string }>;
}

export interface ReminderSender {
  /** e.g. "sms-gateway"; written into the audit row */
  name: string;
  send(reminders: readonly Reminder[]): Promise<{ sent: number }>;
}
