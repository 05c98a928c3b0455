// The private network of a `privateNetworking` deployment: a VNet with a subnet the Functions app integrates with
// (delegated to Flex Consumption) and one for private endpoints, which bring storage (blob, queue, table) and Key
// Vault into the VNet with their private DNS zones. Storage and Key Vault then refuse every other network.
param name string
param location string
param tags object
param storageAccountId string
param keyVaultId string

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [ '10.60.0.0/16' ] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.60.1.0/24'
          delegations: [ { name: 'flex', properties: { serviceName: 'Microsoft.App/environments' } } ]
        }
      }
      {
        name: 'endpoints'
        properties: {
          addressPrefix: '10.60.2.0/24'
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

var endpoints = [
  { service: storageAccountId, group: 'blob', zone: 'privatelink.blob.${environment().suffixes.storage}' }
  { service: storageAccountId, group: 'queue', zone: 'privatelink.queue.${environment().suffixes.storage}' }
  { service: storageAccountId, group: 'table', zone: 'privatelink.table.${environment().suffixes.storage}' }
  { service: keyVaultId, group: 'vault', zone: 'privatelink${replace(environment().suffixes.keyvaultDns, 'vault', 'vaultcore')}' }
]

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for endpoint in endpoints: {
  name: endpoint.zone
  location: 'global'
  tags: tags
}]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (endpoint, i) in endpoints: {
  parent: zones[i]
  name: '${name}-link'
  location: 'global'
  properties: {
    virtualNetwork: { id: vnet.id }
    registrationEnabled: false
  }
}]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [for (endpoint, i) in endpoints: {
  name: '${name}-${endpoint.group}'
  location: location
  tags: tags
  properties: {
    subnet: { id: vnet.properties.subnets[1].id }
    privateLinkServiceConnections: [
      {
        name: endpoint.group
        properties: {
          privateLinkServiceId: endpoint.service
          groupIds: [ endpoint.group ]
        }
      }
    ]
  }
}]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [for (endpoint, i) in endpoints: {
  parent: privateEndpoints[i]
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [ { name: endpoint.group, properties: { privateDnsZoneId: zones[i].id } } ]
  }
}]

output appSubnetId string = vnet.properties.subnets[0].id
