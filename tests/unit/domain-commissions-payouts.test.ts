import { describe, expect, it } from 'vitest';
import {
  PAYOUT_MINIMUM,
  computeBalances,
  ibanIsValid,
  payoutMethodInputSchema,
  payoutScheduleFor,
  readMaskedPayoutMethod,
  describePayoutMethod,
  taxDetailsInputSchema,
  withdrawalCurrencies,
  withdrawalRequestSchema,
  type BalanceLineInput,
  type BalancePayoutInput,
} from '../../sync/domain/payouts';

const line = (amount: number, status: string, extra: Partial<BalanceLineInput> = {}): BalanceLineInput => ({
  kind: 'commission', commission_type: 'referral', status, amount, currency: 'GBP', ...extra,
});
const payout = (amount: number, status: string, extra: Partial<BalancePayoutInput> = {}): BalancePayoutInput => ({ status, amount, currency: 'GBP', ...extra });

describe('computeBalances', () => {
  it('splits pending, approved and paid lines and subtracts committed payouts from what is available', () => {
    const [gbp] = computeBalances(
      [line(100, 'pending'), line(50, 'processing'), line(300, 'approved'), line(200, 'paid'), line(999, 'reversed'), line(-999, 'reversed', { commission_type: 'clawback' })],
      [payout(200, 'paid'), payout(60, 'requested'), payout(40, 'approved'), payout(500, 'rejected'), payout(70, 'requested', { _deleted: true })],
    );
    expect(gbp).toEqual({
      currency: 'GBP', pending: 150, approved: 300, paid: 200, clawedBack: 0, inFlight: 100, paidOut: 200,
      available: 200, withdrawalBlocked: null,
    });
  });

  it('keeps currencies apart and ignores legacy payout rows and deleted lines', () => {
    const balances = computeBalances(
      [line(100, 'approved', { currency: 'EUR' }), line(80, 'approved'), line(500, 'paid', { kind: 'payout' }), line(40, 'approved', { _deleted: true })],
      [],
    );
    expect(balances.map((balance) => [balance.currency, balance.available])).toEqual([['EUR', 100], ['GBP', 80]]);
  });

  it('shows a negative balance after a clawback of paid money and blocks withdrawal with a sentence', () => {
    const [gbp] = computeBalances(
      [line(500, 'paid'), line(-500, 'approved', { commission_type: 'clawback' }), line(120, 'approved')],
      [payout(500, 'paid')],
    );
    expect(gbp).toMatchObject({ available: -380, clawedBack: -500 });
    expect(gbp!.withdrawalBlocked).toBe(
      'Your GBP balance is -380.00 GBP because commissions already paid were clawed back. New approved commissions make it up first; you can withdraw again once it reaches 50.00 GBP.',
    );
  });

  it('blocks withdrawal below the minimum and allows it from the minimum up', () => {
    expect(computeBalances([line(49.99, 'approved')], [])[0]!.withdrawalBlocked).toMatch(/^You have 49\.99 GBP available\. The smallest withdrawal is 50\.00 GBP/);
    expect(computeBalances([line(PAYOUT_MINIMUM, 'approved')], [])[0]!.withdrawalBlocked).toBeNull();
  });

  it('rounds to cents without drifting', () => {
    const [gbp] = computeBalances([line(0.1, 'approved'), line(0.2, 'approved')], []);
    expect(gbp!.available).toBe(0.3);
  });
});

describe('withdrawalRequestSchema mirrors the server', () => {
  const balances = computeBalances([line(150, 'approved')], []);
  const schema = withdrawalRequestSchema({ balances, methodsOnFile: ['bank'], tier: 'elite', accountCurrency: 'GBP' });
  const messageOf = (input: unknown) => {
    const result = schema.safeParse(input);
    return result.success ? null : result.error.issues[0]!.message;
  };

  it('accepts a request within the balance, to a method on file', () => {
    expect(schema.parse({ amount: 150, currency: 'GBP', method: 'bank' })).toEqual({ amount: 150, currency: 'GBP', method: 'bank' });
  });

  it('refuses more than available, less than the minimum, a method not on file and fractions of cents, in the server’s words', () => {
    expect(messageOf({ amount: 250, currency: 'GBP', method: 'bank' })).toBe(
      'You asked to withdraw 250.00 GBP but only 150.00 GBP is available. Request 150.00 GBP or less, or wait for more commissions to be approved.',
    );
    expect(messageOf({ amount: 20, currency: 'GBP', method: 'bank' })).toBe(
      'The smallest withdrawal is 50.00 GBP, and you asked for 20.00 GBP. Wait until your available balance reaches 50.00 GBP.',
    );
    expect(messageOf({ amount: 60, currency: 'GBP', method: 'paypal' })).toBe(
      'There is no PayPal account on file to pay this withdrawal into. Add one under Payment management, then request the withdrawal again.',
    );
    expect(messageOf({ amount: 60.001, currency: 'GBP', method: 'bank' })).toBe('Use at most two decimal places.');
    expect(messageOf({ amount: 60, currency: 'EUR', method: 'bank' })).toMatch(/only 0\.00 EUR is available/);
  });
});

describe('withdrawal currencies by tier (multi-currency is Elite)', () => {
  const balances = computeBalances([line(150, 'approved'), line(300, 'approved', { currency: 'EUR' }), line(90, 'approved', { currency: 'USD' })], []);
  const request = { amount: 100, currency: 'EUR', method: 'bank' };

  it('below Elite, allows only the account currency, in the server’s words', () => {
    for (const tier of ['starter', 'active', 'performer', null] as const) {
      const result = withdrawalRequestSchema({ balances, methodsOnFile: ['bank'], tier, accountCurrency: 'GBP' }).safeParse(request);
      expect(result.error?.issues[0]).toMatchObject({ path: ['currency'], message: 'Withdrawals in other currencies than your account currency (GBP) come with the Elite tier.' });
      expect(withdrawalCurrencies(tier, 'GBP', balances)).toEqual(['GBP']);
    }
    const home = withdrawalRequestSchema({ balances, methodsOnFile: ['bank'], tier: 'performer', accountCurrency: 'GBP' }).safeParse({ ...request, currency: 'GBP' });
    expect(home.success).toBe(true);
  });

  it('lets Elite withdraw in every currency with a balance', () => {
    expect(withdrawalRequestSchema({ balances, methodsOnFile: ['bank'], tier: 'elite', accountCurrency: 'GBP' }).parse(request)).toEqual(request);
    expect(withdrawalCurrencies('elite', 'GBP', balances)).toEqual(['EUR', 'GBP', 'USD']);
    expect(withdrawalCurrencies('elite', 'CHF', [])).toEqual(['CHF']);
  });
});

describe('payout method and tax forms', () => {
  it('checks IBANs with the mod-97 checksum like the server', () => {
    expect(ibanIsValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanIsValid('DE89370400440532013000')).toBe(true);
    expect(ibanIsValid('GB83 WEST 1234 5698 7654 32')).toBe(false);
    expect(ibanIsValid('GB82')).toBe(false);
  });

  it('normalises what it sends and refuses bad input with sentences', () => {
    expect(payoutMethodInputSchema.parse({ kind: 'bank', account_holder: ' Żółć Ltd ', iban: 'gb82 west 1234 5698 7654 32', bic: 'westgb2l' })).toEqual({
      kind: 'bank', account_holder: 'Żółć Ltd', iban: 'GB82WEST12345698765432', bic: 'WESTGB2L',
    });
    expect(payoutMethodInputSchema.safeParse({ kind: 'paypal', paypal_email: 'nobody' }).error?.issues[0]?.message).toBe(
      'Enter the e-mail address of your PayPal account, e.g. name@example.com.',
    );
    expect(taxDetailsInputSchema.parse({ legal_name: 'Ana Núñez', country: 'es', tax_id: 'X-1234567-L' })).toEqual({ legal_name: 'Ana Núñez', country: 'ES', tax_id: 'X1234567L' });
    expect(taxDetailsInputSchema.safeParse({ legal_name: 'A', country: 'ES', tax_id: 'X1234567L' }).success).toBe(false);
  });

  it('reads only well-formed masked summaries from the profile', () => {
    const bank = readMaskedPayoutMethod(JSON.stringify({ kind: 'bank', account_holder: 'Northwind Ltd', country: 'GB', last4: '4321' }));
    expect(bank && describePayoutMethod(bank)).toBe('Bank account GB •••• 4321 (Northwind Ltd)');
    expect(readMaskedPayoutMethod('{"account_name":"old format"}')).toBeNull();
    expect(readMaskedPayoutMethod('not json')).toBeNull();
    expect(readMaskedPayoutMethod(null)).toBeNull();
  });
});

describe('payoutScheduleFor', () => {
  it('uses the programme defaults per tier', () => {
    expect(['starter', 'active', 'performer', 'elite'].map((tier) => payoutScheduleFor(tier as 'starter').frequency)).toEqual(['monthly', 'bi-weekly', 'weekly', 'real-time']);
    expect(payoutScheduleFor('elite').sentence).toBe('Approved withdrawals are paid straight away.');
    expect(payoutScheduleFor('active').phrase).toBe('every two weeks');
  });

  it('follows a published tier rule when it says otherwise', () => {
    expect(payoutScheduleFor('starter', [{ tier: 'starter', benefits: { payout_frequency: 'weekly' } }]).frequency).toBe('weekly');
  });
});
