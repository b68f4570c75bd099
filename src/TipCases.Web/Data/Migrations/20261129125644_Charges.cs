using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace TipCases.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Charges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "defendants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    aliases = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    nationality = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    is_stateless = table.Column<bool>(type: "boolean", nullable: false),
                    habitual_residence = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    custody = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    legal_form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    registration_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    country = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    is_present_in_territory = table.Column<bool>(type: "boolean", nullable: false),
                    extradition_refusal = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    extradition_refusal_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_defendants", x => x.id);
                    table.ForeignKey(
                        name: "fk_defendants_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_defendants_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "offences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    base_maximum_years = table.Column<int>(type: "integer", nullable: false),
                    aggravated_maximum_years = table.Column<int>(type: "integer", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "charges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    defendant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    mental_element = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    particulars = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    illegal_entry_evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    benefit_evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    consent_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_on = table.Column<DateOnly>(type: "date", nullable: false),
                    sentence_custodial_months = table.Column<int>(type: "integer", nullable: true),
                    sentence_fine_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    sentence_confiscation_ordered = table.Column<bool>(type: "boolean", nullable: false),
                    sentence_confiscation_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sentence_compensation_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    sentence_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    appeal_lodged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    appeal_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    appeal_outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    appeal_decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    appeal_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charges", x => x.id);
                    table.ForeignKey(
                        name: "fk_charges_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_charges_defendants_defendant_id",
                        column: x => x.defendant_id,
                        principalTable: "defendants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_charges_offences_offence_id",
                        column: x => x.offence_id,
                        principalTable: "offences",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_charges_users_changed_by",
                        column: x => x.changed_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_charges_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "charge_aggravation_proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    charge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    circumstance = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    threat_incident_id = table.Column<Guid>(type: "uuid", nullable: true),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charge_aggravation_proposals", x => x.id);
                    table.ForeignKey(
                        name: "fk_charge_aggravation_proposals_asp_net_users_decided_by",
                        column: x => x.decided_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_charge_aggravation_proposals_charges_charge_id",
                        column: x => x.charge_id,
                        principalTable: "charges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_charge_aggravation_proposals_threat_incident_threat_inciden",
                        column: x => x.threat_incident_id,
                        principalTable: "victim_threats",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "charge_aggravations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    charge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    circumstance = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charge_aggravations", x => x.id);
                    table.ForeignKey(
                        name: "fk_charge_aggravations_charges_charge_id",
                        column: x => x.charge_id,
                        principalTable: "charges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "charge_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    charge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charge_facts", x => x.id);
                    table.ForeignKey(
                        name: "fk_charge_facts_charges_charge_id",
                        column: x => x.charge_id,
                        principalTable: "charges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "charge_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    charge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charge_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_charge_status_changes_charges_charge_id",
                        column: x => x.charge_id,
                        principalTable: "charges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_charge_status_changes_users_by_user_id",
                        column: x => x.by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "charge_victims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    charge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    age_evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    age_evidence_indicates_child = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charge_victims", x => x.id);
                    table.ForeignKey(
                        name: "fk_charge_victims_charges_charge_id",
                        column: x => x.charge_id,
                        principalTable: "charges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_charge_victims_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "offences",
                columns: new[] { "id", "aggravated_maximum_years", "base_maximum_years", "code", "is_active", "kind", "name" },
                values: new object[,]
                {
                    { new Guid("0192f3a0-0000-7000-8000-000000000001"), 20, 12, "TIP", true, "Trafficking", "Trafficking in persons" },
                    { new Guid("0192f3a0-0000-7000-8000-000000000002"), null, 25, "TIP-C", true, "TraffickingOfChildren", "Trafficking in children" },
                    { new Guid("0192f3a0-0000-7000-8000-000000000003"), 15, 10, "SOM", true, "MigrantSmuggling", "Smuggling of migrants" },
                    { new Guid("0192f3a0-0000-7000-8000-000000000004"), null, 10, "FL", true, "ForcedLabour", "Forced labour" },
                    { new Guid("0192f3a0-0000-7000-8000-000000000005"), null, 10, "SERV", true, "Servitude", "Servitude" },
                    { new Guid("0192f3a0-0000-7000-8000-000000000006"), null, 15, "SLAV", true, "Slavery", "Slavery" },
                    { new Guid("0192f3a0-0000-7000-8000-000000000007"), null, 10, "DB", true, "DebtBondage", "Debt bondage" },
                    { new Guid("0192f3a0-0000-7000-8000-000000000008"), null, 10, "OCG", true, "OrganizedCriminalGroup", "Participation in an organized criminal group" },
                    { new Guid("0192f3a0-0000-7000-8000-000000000009"), null, 10, "CONSP", true, "Conspiracy", "Conspiracy" },
                    { new Guid("0192f3a0-0000-7000-8000-00000000000a"), null, 10, "ML", true, "MoneyLaundering", "Money laundering" },
                    { new Guid("0192f3a0-0000-7000-8000-00000000000b"), null, 7, "CORR", true, "Corruption", "Corruption" },
                    { new Guid("0192f3a0-0000-7000-8000-00000000000c"), null, 7, "OBJ", true, "ObstructionOfJustice", "Obstruction of justice" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_charge_aggravation_proposals_charge_id_state",
                table: "charge_aggravation_proposals",
                columns: new[] { "charge_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_charge_aggravation_proposals_decided_by",
                table: "charge_aggravation_proposals",
                column: "decided_by");

            migrationBuilder.CreateIndex(
                name: "ix_charge_aggravation_proposals_threat_incident_id",
                table: "charge_aggravation_proposals",
                column: "threat_incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_charge_aggravations_charge_id_circumstance",
                table: "charge_aggravations",
                columns: new[] { "charge_id", "circumstance" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_charge_facts_charge_id_element_value",
                table: "charge_facts",
                columns: new[] { "charge_id", "element", "value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_charge_status_changes_by_user_id",
                table: "charge_status_changes",
                column: "by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_charge_status_changes_charge_id_at",
                table: "charge_status_changes",
                columns: new[] { "charge_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_charge_victims_charge_id_victim_id",
                table: "charge_victims",
                columns: new[] { "charge_id", "victim_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_charge_victims_victim_id",
                table: "charge_victims",
                column: "victim_id");

            migrationBuilder.CreateIndex(
                name: "ix_charges_case_id_status",
                table: "charges",
                columns: new[] { "case_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_charges_changed_by",
                table: "charges",
                column: "changed_by");

            migrationBuilder.CreateIndex(
                name: "ix_charges_created_by",
                table: "charges",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_charges_defendant_id",
                table: "charges",
                column: "defendant_id");

            migrationBuilder.CreateIndex(
                name: "ix_charges_offence_id",
                table: "charges",
                column: "offence_id");

            migrationBuilder.CreateIndex(
                name: "ix_defendants_case_id_created_at",
                table: "defendants",
                columns: new[] { "case_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_defendants_created_by",
                table: "defendants",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_offences_code",
                table: "offences",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_offences_name",
                table: "offences",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "charge_aggravation_proposals");

            migrationBuilder.DropTable(
                name: "charge_aggravations");

            migrationBuilder.DropTable(
                name: "charge_facts");

            migrationBuilder.DropTable(
                name: "charge_status_changes");

            migrationBuilder.DropTable(
                name: "charge_victims");

            migrationBuilder.DropTable(
                name: "charges");

            migrationBuilder.DropTable(
                name: "defendants");

            migrationBuilder.DropTable(
                name: "offences");
        }
    }
}
