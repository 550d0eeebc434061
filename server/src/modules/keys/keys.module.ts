import { Global, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Keyring } from './keyring';
import { PracticeKeysRepository } from './practice-keys.repository';

/** At boot, before anyone reads health data: the master key must open every stored key; old wrappings are renewed. */
@Injectable()
class KeyringBoot implements OnApplicationBootstrap {
  private readonly logger = new Logger('Keys');

  constructor(private readonly keyring: Keyring) {}

  async onApplicationBootstrap(): Promise<void> {
    const rewrapped = await this.keyring.ready();
    if (rewrapped) this.logger.log(`re-wrapped ${rewrapped} practice keys under the master key ${this.keyring.masterKeyId}`);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: Keyring,
      inject: [DataSource, AppConfig],
      useFactory: (dataSource: DataSource, config: AppConfig) => new Keyring(new PracticeKeysRepository(dataSource), config.masterKey, config.previousMasterKeys),
    },
    KeyringBoot,
  ],
  exports: [Keyring],
})
export class KeysModule {}
