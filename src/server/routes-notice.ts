/**
 * GET /api/consent-notice: the facts the kiosk's consent notice states, from the server that keeps
 * the data rather than from constants in the kiosk, so what a customer reads matches what happens:
 * the retention period is the server's RETENTION_DAYS, and a CRM outside mainland China
 * (CRM_OUTSIDE_MAINLAND=1) is named, so the separate cross-border consent is asked.
 */
import type { FastifyInstance } from 'fastify';
import type { ConsentNoticeParams } from '../leads/api-schema.ts';
import { CREATE_ROLES } from './auth-repo.ts';
import type { AppContext } from './context.ts';

/** The deployment's names for the notice (the store id is the caller's, the retention the server's). */
export type NoticeSettings = Omit<ConsentNoticeParams, 'storeId' | 'retentionDays'>;

/** Names used when the deployment sets none (DEALER_NAME, MAKER_NAME and their _EN). */
export const DEFAULT_NOTICE: NoticeSettings = {
  dealerName: { 'zh-CN': '维拉汽车授权体验中心', en: 'Vela authorised experience centre' },
  makerName: { 'zh-CN': '维拉汽车', en: 'Vela Automobile' },
  crmLocation: null,
};

/** Registers the route for kiosk tokens (and the share tokens of customers' phones). */
export function noticeRoutes(app: FastifyInstance, ctx: AppContext, settings: NoticeSettings, retentionDays: number): void {
  app.get('/api/consent-notice', { preHandler: ctx.auth.require(...CREATE_ROLES) }, async (req, reply) => {
    const body: ConsentNoticeParams = { storeId: req.principal!.storeId!, ...settings, retentionDays };
    // Short cache: a changed setting reaches the kiosks within minutes; the kiosk keeps the last copy offline.
    return reply.header('cache-control', 'private, max-age=300').send(body);
  });
}
