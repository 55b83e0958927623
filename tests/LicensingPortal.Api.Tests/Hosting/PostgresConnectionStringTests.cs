using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace LicensingPortal.Api.Tests.Hosting;

/// <summary>Pooled connections are not reset and keep statements prepared, unless the configured string says otherwise.</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void ByDefault_PooledConnectionsAreNotReset_AndStatementsArePreparedAutomatically()
    {
        var connection = new NpgsqlConnectionStringBuilder(StorageOptions.PostgresConnectionString(With("Host=db;Username=app;Database=perizinan"))!);

        Assert.True(connection.NoResetOnClose);
        Assert.Equal(50, connection.MaxAutoPrepare);
        Assert.Equal("db", connection.Host);
        Assert.Equal("perizinan", connection.Database);
    }

    [Fact]
    public void WhatTheConfiguredStringSays_IsKept()
    {
        var connection = new NpgsqlConnectionStringBuilder(StorageOptions.PostgresConnectionString(With("Host=db;Username=app;No Reset On Close=false;MaxAutoPrepare=0"))!);

        Assert.False(connection.NoResetOnClose);
        Assert.Equal(0, connection.MaxAutoPrepare);
    }

    [Fact]
    public void WithoutAConnectionString_TheAppRunsEmbedded() =>
        Assert.Null(StorageOptions.PostgresConnectionString(new ConfigurationBuilder().Build()));

    private static IConfiguration With(string connection) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connection }).Build();
}
