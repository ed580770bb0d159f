package io.ragline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.support.RaglineHttp.Reply;
import io.ragline.support.RaglineIntegrationTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** /v3/api-docs is valid OpenAPI 3, names every REST operation, and the README's examples fit it. */
class OpenApiDocumentTest extends RaglineIntegrationTest {

    private static final Pattern CURL_BODY = Pattern.compile("curl -s localhost:8080(/api/\\w+)[^\\n]*\\n?[^\\n]*-d '(\\{.*?\\})'");

    @Autowired
    CamelContext camel;

    @Test
    void theDocumentIsValidOpenApiCoveringEveryOperationAndTheReadmesExamples() throws IOException {
        Reply reply = http.get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(reply.json().toString(), null, null);
        assertThat(parsed.getMessages()).isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getInfo().getTitle()).isEqualTo("Ragline");
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearer", "api-key");
        assertThat(api.getPaths()).doesNotContainKey("/error");

        List<String> operations = new ArrayList<>();
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> operations.add(operation.getOperationId())));
        List<String> served = new ArrayList<>();
        for (RestDefinition rest : ((ModelCamelContext) camel).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                served.add(verb.getId());
            }
        }
        assertThat(served).hasSizeGreaterThanOrEqualTo(9);
        assertThat(operations).containsAll(served);
        assertThat(api.getPaths().get("/api/query").getPost().getResponses()).containsKeys("200", "400", "401", "429");

        Matcher example = CURL_BODY.matcher(Files.readString(Path.of("README.md")));
        int examples = 0;
        while (example.find()) {
            Schema<?> body = requestSchema(api, example.group(1));
            JsonNode json = new ObjectMapper().readTree(example.group(2));
            json.fieldNames().forEachRemaining(field -> assertThat(body.getProperties()).as("README example for %s", example.group(1)).containsKey(field));
            assertThat(json.has("query") || json.has("documents")).isTrue();
            assertThat(body.getRequired()).as("the required fields of %s", example.group(1)).isNotEmpty()
                    .allSatisfy(required -> assertThat(json.has(required)).as("%s in %s", required, example.group(2)).isTrue());
            examples++;
        }
        assertThat(examples).isGreaterThanOrEqualTo(3);
    }

    private static Schema<?> requestSchema(OpenAPI api, String path) {
        Schema<?> schema = api.getPaths().get(path).getPost().getRequestBody().getContent().get("application/json").getSchema();
        if (schema.get$ref() != null) {
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            return schemas.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        return schema;
    }
}
