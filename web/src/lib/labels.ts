import type { AccountResponse, NotificationView } from '../api/types';
import type { I18n } from '../i18n/I18nContext';
import { lastFour } from './accountNumbers';

export function productLabel(i18n: I18n, product: string): string {
  return i18n.tOr(`account.product.${product}`, i18n.t('account.product.other'));
}

/** "Cuenta de ahorros PEN ****5672" */
export function accountLabel(i18n: I18n, account: AccountResponse): string {
  return `${productLabel(i18n, account.product)} ${account.currency} ${lastFour(account.accountNumber)}`;
}

export function notificationTitle(i18n: I18n, notification: NotificationView): string {
  return notification.title ?? i18n.tOr(`notification.kind.${notification.kind}`, i18n.t('notification.kind.other'));
}

export function paymentTypeLabel(i18n: I18n, type: string): string {
  return i18n.tOr(`payment.type.${type}`, type);
}
