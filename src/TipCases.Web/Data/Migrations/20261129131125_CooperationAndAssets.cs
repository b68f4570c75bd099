using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipCases.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CooperationAndAssets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "amount_paid_from_assets",
                table: "victim_compensation_claims",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "assets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    country = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    holder_defendant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    charge_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    predicate_offence_abroad = table.Column<bool>(type: "boolean", nullable: false),
                    predicate_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    current_step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    basis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    estimated_value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    estimated_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    realised_value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    realised_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assets", x => x.id);
                    table.ForeignKey(
                        name: "fk_assets_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assets_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    counterpart_state = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    legal_basis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    treaty_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    assistance = table.Column<string[]>(type: "text[]", nullable: false),
                    defendant_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    confidential = table.Column<bool>(type: "boolean", nullable: false),
                    use_limited_to_stated_purpose = table.Column<bool>(type: "boolean", nullable: false),
                    conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    acknowledged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawn_on = table.Column<DateOnly>(type: "date", nullable: true),
                    refusal_grounds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    refused_because_national = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperation_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_cooperation_requests_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cooperation_requests_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "asset_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    asset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    allocated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asset_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_asset_allocations_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asset_allocations_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asset_allocations_compensation_claim_claim_id",
                        column: x => x.claim_id,
                        principalTable: "victim_compensation_claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_asset_allocations_users_by_user_id",
                        column: x => x.by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "asset_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    asset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asset_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_asset_steps_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asset_steps_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_request_material",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    covered_by_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    formally_received_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperation_request_material", x => x.id);
                    table.ForeignKey(
                        name: "fk_cooperation_request_material_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cooperation_request_material_cooperation_requests_covered_b",
                        column: x => x.covered_by_request_id,
                        principalTable: "cooperation_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cooperation_request_material_cooperation_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "cooperation_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asset_allocations_asset_id",
                table: "asset_allocations",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "ix_asset_allocations_by_user_id",
                table: "asset_allocations",
                column: "by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asset_allocations_case_id",
                table: "asset_allocations",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_asset_allocations_claim_id",
                table: "asset_allocations",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_asset_steps_asset_id_on",
                table: "asset_steps",
                columns: new[] { "asset_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_asset_steps_case_id",
                table: "asset_steps",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_assets_case_id",
                table: "assets",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_assets_created_by",
                table: "assets",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_request_material_case_id",
                table: "cooperation_request_material",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_request_material_covered_by_request_id",
                table: "cooperation_request_material",
                column: "covered_by_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_request_material_request_id",
                table: "cooperation_request_material",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_requests_case_id",
                table: "cooperation_requests",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_requests_created_by",
                table: "cooperation_requests",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_requests_status_due_on",
                table: "cooperation_requests",
                columns: new[] { "status", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asset_allocations");

            migrationBuilder.DropTable(
                name: "asset_steps");

            migrationBuilder.DropTable(
                name: "cooperation_request_material");

            migrationBuilder.DropTable(
                name: "assets");

            migrationBuilder.DropTable(
                name: "cooperation_requests");

            migrationBuilder.DropColumn(
                name: "amount_paid_from_assets",
                table: "victim_compensation_claims");
        }
    }
}
