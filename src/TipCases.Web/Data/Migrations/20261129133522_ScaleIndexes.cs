using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipCases.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_victim_support_steps_victim_id_took_place_on",
                table: "victim_support_steps");

            migrationBuilder.DropIndex(
                name: "ix_cases_office_id_stage",
                table: "cases");

            migrationBuilder.CreateTable(
                name: "summary_snapshots",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_ms = table.Column<int>(type: "integer", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_summary_snapshots", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_victim_support_steps_victim_id_took_place_on_created_at",
                table: "victim_support_steps",
                columns: new[] { "victim_id", "took_place_on", "created_at" },
                descending: new[] { false, true, true })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "next_follow_up_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_id_open",
                table: "cases",
                column: "office_id",
                filter: "stage NOT IN ('Closed', 'Discontinued')");

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_id_stage_opened_on_id",
                table: "cases",
                columns: new[] { "office_id", "stage", "opened_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_reference_prefix",
                table: "cases",
                column: "reference")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "summary_snapshots");

            migrationBuilder.DropIndex(
                name: "ix_victim_support_steps_victim_id_took_place_on_created_at",
                table: "victim_support_steps");

            migrationBuilder.DropIndex(
                name: "ix_cases_office_id_open",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_office_id_stage_opened_on_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_reference_prefix",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_victim_support_steps_victim_id_took_place_on",
                table: "victim_support_steps",
                columns: new[] { "victim_id", "took_place_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_id_stage",
                table: "cases",
                columns: new[] { "office_id", "stage" });
        }
    }
}
