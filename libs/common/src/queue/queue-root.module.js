"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var QueueRootModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.QueueRootModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const config_1 = require("../../../config/src");
const redis_options_1 = require("../redis/redis-options");
let QueueRootModule = QueueRootModule_1 = class QueueRootModule {
    static forProducer() {
        return QueueRootModule_1.build('producer');
    }
    static forWorker() {
        return QueueRootModule_1.build('worker');
    }
    static build(role) {
        return {
            module: QueueRootModule_1,
            imports: [
                bullmq_1.BullModule.forRootAsync({
                    inject: [config_1.redisConfig.KEY],
                    useFactory: (cfg) => ({
                        prefix: cfg.queuePrefix,
                        connection: (role === 'producer' ? (0, redis_options_1.producerRedisOptions)(cfg.url) : (0, redis_options_1.workerRedisOptions)(cfg.url)),
                    }),
                }),
            ],
            exports: [bullmq_1.BullModule],
        };
    }
};
exports.QueueRootModule = QueueRootModule;
exports.QueueRootModule = QueueRootModule = QueueRootModule_1 = __decorate([
    (0, common_1.Module)({})
], QueueRootModule);
//# sourceMappingURL=queue-root.module.js.map