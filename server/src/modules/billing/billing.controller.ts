import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { Controller, Logger, StreamableFile } from '@nestjs/common';
import { billingRoutes, type BatchView, type BillingLinesPage, type BillingLineView, type IdentityUpdated, type PractitionerView, type RouteInput } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { BillingExportService } from './billing-export.service';
import { BillingLinesService } from './billing-lines.service';
import { PractitionersService } from './practitioners.service';

const Billing = () => Authenticated('billing', 'admin');
type In<K extends keyof typeof billingRoutes> = RouteInput<(typeof billingRoutes)[K]>;

/** Billing staff: review and correct lines, doctors' billing profiles, export batches. */
@Controller()
export class BillingController {
  private readonly logger = new Logger(BillingController.name);

  constructor(
    private readonly lines: BillingLinesService,
    private readonly practitioners: PractitionersService,
    private readonly exports: BillingExportService,
  ) {}

  @Endpoint(billingRoutes.lines)
  @Billing()
  list(@CurrentActor() actor: Actor, @Input() { query }: In<'lines'>): Promise<BillingLinesPage> {
    return this.lines.list(actor, query);
  }

  @Endpoint(billingRoutes.line)
  @Billing()
  get(@CurrentActor() actor: Actor, @Input() { params }: In<'line'>): Promise<BillingLineView> {
    return this.lines.get(actor, params.id);
  }

  @Endpoint(billingRoutes.recode)
  @Billing()
  recode(@CurrentActor() actor: Actor, @Input() { params, body }: In<'recode'>): Promise<BillingLineView> {
    return this.lines.recode(actor, params.id, body);
  }

  @Endpoint(billingRoutes.acknowledge)
  @Billing()
  acknowledge(@CurrentActor() actor: Actor, @Input() { params }: In<'acknowledge'>): Promise<BillingLineView> {
    return this.lines.acknowledge(actor, params.id);
  }

  @Endpoint(billingRoutes.voidLine)
  @Billing()
  void(@CurrentActor() actor: Actor, @Input() { params, body }: In<'voidLine'>): Promise<BillingLineView> {
    return this.lines.void(actor, params.id, body.reason);
  }

  @Endpoint(billingRoutes.reissue)
  @Billing()
  reissue(@CurrentActor() actor: Actor, @Input() { params }: In<'reissue'>): Promise<BillingLineView> {
    return this.lines.reissue(actor, params.id);
  }

  @Endpoint(billingRoutes.patientIdentity)
  @Billing()
  identity(@CurrentActor() actor: Actor, @Input() { params, body }: In<'patientIdentity'>): Promise<IdentityUpdated> {
    return this.lines.updateIdentityAsBiller(actor, params.id, body);
  }

  @Endpoint(billingRoutes.modality)
  @Billing()
  modality(@CurrentActor() actor: Actor, @Input() { params, body }: In<'modality'>): Promise<{ lines: BillingLineView[] }> {
    return this.lines.correctModality(actor, params.id, body);
  }

  @Endpoint(billingRoutes.practitioners)
  @Billing()
  listPractitioners(@CurrentActor() actor: Actor): Promise<PractitionerView[]> {
    return this.practitioners.list(actor);
  }

  @Endpoint(billingRoutes.updatePractitioner)
  @Billing()
  updatePractitioner(@CurrentActor() actor: Actor, @Input() { params, body }: In<'updatePractitioner'>): Promise<PractitionerView> {
    return this.practitioners.update(actor, params.userId, body);
  }

  @Endpoint(billingRoutes.createBatch)
  @Billing()
  createBatch(@CurrentActor() actor: Actor, @Input() { body }: In<'createBatch'>): Promise<BatchView> {
    return this.exports.createBatch(actor, body);
  }

  @Endpoint(billingRoutes.batches)
  @Billing()
  listBatches(@CurrentActor() actor: Actor): Promise<BatchView[]> {
    return this.exports.list(actor);
  }

  /** The batch's file, streamed; `X-Content-Hash` carries the batch's content hash. */
  @Endpoint(billingRoutes.exportBatch)
  @Billing()
  async export(@CurrentActor() actor: Actor, @Input() { params, query }: In<'exportBatch'>): Promise<StreamableFile> {
    const file = await this.exports.export(actor, params.id, query.format);
    const stream = new StreamableFile(Readable.from(file.body), {
      type: file.contentType,
      disposition: `attachment; filename="${file.filename}"`,
    });
    // A file that fails half-way (its lines no longer match the batch's hash) must not reach the
    // biller as a complete download: the connection is cut instead of ending the response cleanly.
    return stream.setErrorHandler((error, res) => {
      this.logger.error(`export of batch ${params.id} (${query.format}) failed: ${error.message}`);
      (res as unknown as ServerResponse).destroy(error);
    });
  }
}
