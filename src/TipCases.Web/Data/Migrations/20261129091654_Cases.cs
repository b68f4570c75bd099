using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace TipCases.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "case_id",
                table: "audit_events",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_reference_counters",
                columns: table => new
                {
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_reference_counters", x => new { x.office_id, x.year });
                    table.ForeignKey(
                        name: "fk_case_reference_counters_offices_office_id",
                        column: x => x.office_id,
                        principalTable: "offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    approach = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    involves_organized_criminal_group = table.Column<bool>(type: "boolean", nullable: false),
                    involves_task_force = table.Column<bool>(type: "boolean", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    offence_from = table.Column<DateOnly>(type: "date", nullable: true),
                    offence_to = table.Column<DateOnly>(type: "date", nullable: true),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stage_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple', reference || ' ' || title)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_cases_offices_office_id",
                        column: x => x.office_id,
                        principalTable: "offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cases_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    linked_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_links_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_links_cases_linked_case_id",
                        column: x => x.linked_case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_stage_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_stage_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_stage_changes_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_by = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_tasks_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_tasks_users_assignee_id",
                        column: x => x.assignee_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_team_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    is_lead = table.Column<bool>(type: "boolean", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_team_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_team_members_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_team_members_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_case_id_occurred_at",
                table: "audit_events",
                columns: new[] { "case_id", "occurred_at" },
                filter: "case_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_case_links_case_id_linked_case_id",
                table: "case_links",
                columns: new[] { "case_id", "linked_case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_links_linked_case_id",
                table: "case_links",
                column: "linked_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_stage_changes_case_id_at",
                table: "case_stage_changes",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_assignee_id_due_on",
                table: "case_tasks",
                columns: new[] { "assignee_id", "due_on" },
                filter: "done_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_case_id_due_on",
                table: "case_tasks",
                columns: new[] { "case_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_case_team_members_case_id_user_id",
                table: "case_team_members",
                columns: new[] { "case_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_team_members_one_lead",
                table: "case_team_members",
                column: "case_id",
                unique: true,
                filter: "is_lead");

            migrationBuilder.CreateIndex(
                name: "ix_case_team_members_user_id_case_id",
                table: "case_team_members",
                columns: new[] { "user_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_created_by",
                table: "cases",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_id_opened_on_id",
                table: "cases",
                columns: new[] { "office_id", "opened_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_id_stage",
                table: "cases",
                columns: new[] { "office_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_reference",
                table: "cases",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_search_vector",
                table: "cases",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_links");

            migrationBuilder.DropTable(
                name: "case_reference_counters");

            migrationBuilder.DropTable(
                name: "case_stage_changes");

            migrationBuilder.DropTable(
                name: "case_tasks");

            migrationBuilder.DropTable(
                name: "case_team_members");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropIndex(
                name: "ix_audit_events_case_id_occurred_at",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "case_id",
                table: "audit_events");
        }
    }
}
