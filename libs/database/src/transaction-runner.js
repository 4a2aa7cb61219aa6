"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var TransactionRunner_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.TransactionRunner = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const SQLITE_BUSY = /SQLITE_BUSY|database is locked/i;
let TransactionRunner = TransactionRunner_1 = class TransactionRunner {
    dataSource;
    logger = new common_1.Logger(TransactionRunner_1.name);
    tail = Promise.resolve();
    sqlite;
    constructor(dataSource) {
        this.dataSource = dataSource;
        this.sqlite = dataSource.options.type === 'better-sqlite3';
    }
    get isSqlite() {
        return this.sqlite;
    }
    run(work) {
        if (!this.sqlite)
            return this.dataSource.transaction(work);
        const next = this.tail.then(() => this.withBusyRetry(work));
        this.tail = next.catch(() => undefined);
        return next;
    }
    async withBusyRetry(work) {
        for (let attempt = 1;; attempt++) {
            try {
                return await this.dataSource.transaction(work);
            }
            catch (err) {
                if (attempt >= 5 || !SQLITE_BUSY.test(String(err?.message)))
                    throw err;
                this.logger.warn(`SQLite busy, retrying write (attempt ${attempt})`);
                await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
            }
        }
    }
};
exports.TransactionRunner = TransactionRunner;
exports.TransactionRunner = TransactionRunner = TransactionRunner_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], TransactionRunner);
//# sourceMappingURL=transaction-runner.js.map