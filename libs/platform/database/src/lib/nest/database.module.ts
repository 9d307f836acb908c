import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthRegistry } from '@homeroom/platform/observability';
import { serviceDataSourceOptions, type ServiceDataSourceSettings } from '../data-source';

/** TypeORM for a NestJS service, with the platform's options and a readiness check on the database. */
@Module({})
export class DatabaseModule implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  static forRoot(settings: () => ServiceDataSourceSettings): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRootAsync({ useFactory: () => serviceDataSourceOptions(settings()) })],
      exports: [TypeOrmModule],
    };
  }

  onModuleInit(): void {
    this.health.register({
      name: 'database',
      check: async () => {
        await this.dataSource.query('SELECT 1');
      },
    });
  }
}
